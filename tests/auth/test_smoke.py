from tests.conftest import PASSWORD, Account, login


async def test_setup_login_me(client, owner: Account):
    me = await client.get("/api/v1/users/me", headers=owner.headers)
    assert me.status_code == 200, me.text
    body = me.json()
    assert body["success"] is True
    assert body["data"]["email"] == "owner@example.com"
    assert body["data"]["role"] == "owner"
    response = await login(client, owner.email, PASSWORD)
    assert response.status_code == 200, response.text
    assert response.json()["access_token"]
