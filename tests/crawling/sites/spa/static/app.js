// A single-page app: nothing on the page until this runs. Its content comes from a JSON
// endpoint on the site; it also reaches for things a crawler's browser must never reach.
(function () {
  var root = document.getElementById("root");
  function add(html) {
    var div = document.createElement("div");
    div.innerHTML = html;
    root.appendChild(div);
  }
  function leak(label, url) {
    // Whatever comes back is put on the page, so a crawl that let it through would show it.
    fetch(url).then(function (r) { return r.text(); })
      .then(function (t) { add("<p>" + label + ": " + t + "</p>"); })
      .catch(function () {});
  }
  // Every route of the app is the same shell; the path says what to show.
  var jobs = location.pathname === "/jobs";
  fetch(jobs ? "/api/jobs.json" : "/api/team.json").then(function (r) {
    return r.json();
  }).then(function (data) {
    var cards = data.people.map(function (p) {
      return '<div class="team-member"><h3>' + p.name + '</h3><p class="position">' +
        p.title + '</p><a href="mailto:' + p.email + '">E-mail</a></div>';
    }).join("");
    add('<h1>' + data.company + '</h1><p>We build software for the world\'s most ambitious ' +
        'companies.</p><div class="team-grid">' + cards + '</div><p>Sales: ' + data.email +
        '</p><p><a href="/contact">Contact us</a> <a href="/jobs">Jobs</a></p>');
  });
  if (jobs) return;
  leak("robots", "/private-api/secret.json");
  leak("canary", "http://canary.acme.lwtest:CANARY_PORT/");
  leak("literal", "http://127.0.0.2:CANARY_PORT/");
  leak("metadata", "http://metadata.acme.lwtest/latest/meta-data/");
  leak("bounce", "/bounce");
  try {
    var socket = new WebSocket("ws://127.0.0.2:CANARY_PORT/socket");
    socket.onmessage = function (m) { add("<p>socket: " + m.data + "</p>"); };
  } catch (e) {}
  try {
    var code = 'fetch("http://127.0.0.2:CANARY_PORT/worker").catch(function () {});';
    new Worker(URL.createObjectURL(new Blob([code], {type: "text/javascript"})));
  } catch (e) {}
  new Image().src = "http://127.0.0.2:CANARY_PORT/pixel.gif";
  navigator.sendBeacon("http://127.0.0.2:CANARY_PORT/beacon", "x");
})();
