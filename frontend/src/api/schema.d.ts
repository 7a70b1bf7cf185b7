// Generated from the API's OpenAPI document by `npm run gen:api`. Do not edit by hand.

export interface paths {
    "/api/v1/analytics/funnel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pipeline funnel: leads per stage now, reached, and conversion between stages */
        get: operations["funnel_api_v1_analytics_funnel_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/leads-over-time": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** New leads per day, week or month, by source */
        get: operations["leads_over_time_api_v1_analytics_leads_over_time_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sources by conversion (leads in a won stage / all leads of the source) */
        get: operations["sources_api_v1_analytics_sources_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/stage-ageing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How long leads have been in their current stage, per stage */
        get: operations["stage_ageing_api_v1_analytics_stage_ageing_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Leads per email verification status */
        get: operations["verification_api_v1_analytics_verification_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Api Keys */
        get: operations["list_api_keys_api_v1_api_keys_get"];
        put?: never;
        /** Create Api Key */
        post: operations["create_api_key_api_v1_api_keys_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{key_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key */
        delete: operations["revoke_api_key_api_v1_api_keys__key_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assignment-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Assignment Rules */
        get: operations["list_assignment_rules_api_v1_assignment_rules_get"];
        put?: never;
        /** Who gets new leads: round-robin or least-loaded, optionally by source or country */
        post: operations["create_assignment_rule_api_v1_assignment_rules_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assignment-rules/{rule_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete Assignment Rule */
        delete: operations["delete_assignment_rule_api_v1_assignment_rules__rule_id__delete"];
        options?: never;
        head?: never;
        /** Update Assignment Rule */
        patch: operations["update_assignment_rule_api_v1_assignment_rules__rule_id__patch"];
        trace?: never;
    };
    "/api/v1/attachments/{attachment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete Attachment */
        delete: operations["delete_attachment_api_v1_attachments__attachment_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments/{attachment_id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an attachment (`inline=true` shows PDFs and images in the browser) */
        get: operations["download_attachment_api_v1_attachments__attachment_id__download_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/accept-invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Join a workspace with an invitation token */
        post: operations["accept_invite_api_v1_auth_accept_invite_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What an invitation token is for (the invitation screen), before accepting it */
        post: operations["preview_invitation_api_v1_auth_invitation_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in (OAuth2 password flow) */
        post: operations["login_api_v1_auth_login_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke the current session */
        post: operations["logout_api_v1_auth_logout_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate a refresh token into a new token pair */
        post: operations["refresh_api_v1_auth_refresh_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Companies */
        get: operations["list_companies_api_v1_companies_get"];
        put?: never;
        /** Create Company */
        post: operations["create_company_api_v1_companies_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/companies/{company_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read Company */
        get: operations["read_company_api_v1_companies__company_id__get"];
        put?: never;
        post?: never;
        /** Delete Company */
        delete: operations["delete_company_api_v1_companies__company_id__delete"];
        options?: never;
        head?: never;
        /** Update Company */
        patch: operations["update_company_api_v1_companies__company_id__patch"];
        trace?: never;
    };
    "/api/v1/companies/{company_id}/enrich": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enrich a company from its website and DNS (a job); results land on the company and its leads, with a timeline entry on each lead */
        post: operations["enrich_company_api_v1_companies__company_id__enrich_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/crawls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's crawls, newest first */
        get: operations["list_crawls_api_v1_crawls_get"];
        put?: never;
        /** Crawl a company's website in the background (a `crawl.site` job): company facts, people, emails with their sources, the email pattern, verification */
        post: operations["start_crawl_api_v1_crawls_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/crawls/{crawl_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A crawl: its status, the pages fetched so far and, once done, what it found */
        get: operations["read_crawl_api_v1_crawls__crawl_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/crawls/{crawl_id}/leads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add people (and addresses) a finished crawl found as leads of the site's company; a person who is a lead already is not added again */
        post: operations["add_leads_api_v1_crawls__crawl_id__leads_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/custom-fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Custom Fields */
        get: operations["list_custom_fields_api_v1_custom_fields_get"];
        put?: never;
        /** Create Custom Field */
        post: operations["create_custom_field_api_v1_custom_fields_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/custom-fields/{field_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read Custom Field */
        get: operations["read_custom_field_api_v1_custom_fields__field_id__get"];
        put?: never;
        post?: never;
        /** Delete a definition (values already stored on leads are kept) */
        delete: operations["delete_custom_field_api_v1_custom_fields__field_id__delete"];
        options?: never;
        head?: never;
        /** Change label, options, required or position (key and type are fixed) */
        patch: operations["update_custom_field_api_v1_custom_fields__field_id__patch"];
        trace?: never;
    };
    "/api/v1/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The review queue: pairs that may be one person, most probable first */
        get: operations["list_duplicates_api_v1_duplicates_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/duplicates/{candidate_id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** One person: merge the pair (into the older lead unless told otherwise) */
        post: operations["accept_api_v1_duplicates__candidate_id__accept_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/duplicates/{candidate_id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Not one person: the pair is never proposed again */
        post: operations["reject_api_v1_duplicates__candidate_id__reject_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/duplicates/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept (merge) or reject many pairs at once, all or nothing */
        post: operations["bulk_decide_api_v1_duplicates_bulk_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/duplicates/scan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Scan the whole workspace for duplicates (a job); found pairs join the queue */
        post: operations["scan_api_v1_duplicates_scan_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live events of the workspace (server-sent events)
         * @description Server-sent events (`text/event-stream`) of the workspace: what happens to its leads, as it
         *     happens, once committed. Authenticate as for every endpoint (`Authorization` and
         *     `X-Workspace-ID` headers; read with `fetch` when your client cannot set headers on an
         *     `EventSource`).
         *
         *     Each event has an `id`, a name and JSON data:
         *     `{"type", "lead_id", "stage_id", "updated_at", "actor_user_id"}` for `lead.created`,
         *     `lead.updated`, `lead.moved` (with `from_stage_id`), `lead.deleted`, `lead.merged` (with
         *     `merged_into_id`) and `lead.restored`; `leads.changed` (`{"count"}`) when many leads changed at
         *     once. Control events without an id: `ready` first, `reset` when events were missed (refetch),
         *     `bye` before the server ends the stream (`renew` after a few minutes, `shutdown`); reconnect
         *     with `Last-Event-ID` to receive what you missed. A comment (`: keep-alive`) comes every 15 s.
         */
        get: operations["events_api_v1_events_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Export leads in the background (large sets); download the file when it succeeded */
        post: operations["create_export_api_v1_exports_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/{job_id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the file of a finished export job */
        get: operations["download_export_api_v1_exports__job_id__download_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The fields an export can hold (custom fields included), the presets, the formats */
        get: operations["export_fields_api_v1_exports_fields_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/leads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download leads as CSV, XLSX, JSON, NDJSON or XML (any filter of the leads list) */
        get: operations["export_leads_api_v1_exports_leads_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Forms */
        get: operations["list_forms_api_v1_forms_get"];
        put?: never;
        /** Create Form */
        post: operations["create_form_api_v1_forms_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forms/{form_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read Form */
        get: operations["read_form_api_v1_forms__form_id__get"];
        put?: never;
        post?: never;
        /** Delete a form (leads stay) */
        delete: operations["delete_form_api_v1_forms__form_id__delete"];
        options?: never;
        head?: never;
        /** Update Form */
        patch: operations["update_form_api_v1_forms__form_id__patch"];
        trace?: never;
    };
    "/api/v1/import-presets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Saved mappings */
        get: operations["list_presets_api_v1_import_presets_get"];
        put?: never;
        /** Create Preset */
        post: operations["create_preset_api_v1_import_presets_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/import-presets/{preset_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Update Preset */
        put: operations["update_preset_api_v1_import_presets__preset_id__put"];
        post?: never;
        /** Delete Preset */
        delete: operations["delete_preset_api_v1_import_presets__preset_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Imports, newest first */
        get: operations["list_imports_api_v1_imports_get"];
        put?: never;
        /** Upload a file to import: answers its columns, suggested mapping and first rows */
        post: operations["upload_import_api_v1_imports_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{import_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An import and its progress */
        get: operations["get_import_api_v1_imports__import_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{import_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop a running import */
        post: operations["cancel_import_api_v1_imports__import_id__cancel_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{import_id}/errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Problems with rows and cells, in row order */
        get: operations["import_errors_api_v1_imports__import_id__errors_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{import_id}/errors.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The error report as CSV (row, column, value, reason, row_imported) */
        get: operations["import_error_report_api_v1_imports__import_id__errors_csv_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{import_id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The first rows as the import would treat them (nothing is written) */
        post: operations["preview_import_api_v1_imports__import_id__preview_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{import_id}/revert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove the leads the import created and restore those it updated (a job) */
        post: operations["revert_import_api_v1_imports__import_id__revert_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{import_id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the import as a job (follow it with GET /imports/{id}) */
        post: operations["start_import_api_v1_imports__import_id__start_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Jobs */
        get: operations["list_jobs_api_v1_jobs_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read Job */
        get: operations["read_job_api_v1_jobs__job_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{job_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel Job */
        post: operations["cancel_job_api_v1_jobs__job_id__cancel_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Leads */
        get: operations["list_leads_api_v1_leads_get"];
        put?: never;
        /** Create Lead */
        post: operations["create_lead_api_v1_leads_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leads/{lead_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read Lead */
        get: operations["read_lead_api_v1_leads__lead_id__get"];
        put?: never;
        post?: never;
        /** Delete a lead (restorable; `hard=true` deletes for good, admins only) */
        delete: operations["delete_lead_api_v1_leads__lead_id__delete"];
        options?: never;
        head?: never;
        /** Update Lead */
        patch: operations["update_lead_api_v1_leads__lead_id__patch"];
        trace?: never;
    };
    "/api/v1/leads/{lead_id}/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Activities */
        get: operations["list_activities_api_v1_leads__lead_id__activities_get"];
        put?: never;
        /** Add a note, call, email or meeting to the timeline */
        post: operations["add_activity_api_v1_leads__lead_id__activities_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leads/{lead_id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set the owner */
        post: operations["assign_lead_api_v1_leads__lead_id__assign_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leads/{lead_id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Attachments */
        get: operations["list_attachments_api_v1_leads__lead_id__attachments_get"];
        put?: never;
        /** Upload files to a lead (multipart, streamed; type checked by content) */
        post: operations["upload_attachments_api_v1_leads__lead_id__attachments_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leads/{lead_id}/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The pairs a lead is part of (open ones by default) */
        get: operations["lead_duplicates_api_v1_leads__lead_id__duplicates_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leads/{lead_id}/enrich": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enrich a lead: its company from its website and DNS (a job), applied to the company and this lead, with a timeline entry on the lead */
        post: operations["enrich_lead_api_v1_leads__lead_id__enrich_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leads/{lead_id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore Lead */
        post: operations["restore_lead_api_v1_leads__lead_id__restore_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leads/{lead_id}/stage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move to a stage */
        post: operations["move_lead_api_v1_leads__lead_id__stage_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leads/{lead_id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify a lead's address; the result is stored on the lead and in its timeline */
        post: operations["verify_lead_api_v1_leads__lead_id__verify_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leads/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change stage, owner or tags of many leads, or delete them (by ids or by filter) */
        post: operations["bulk_leads_api_v1_leads_bulk_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leads/stage-summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Count and value of the leads in each stage (the list's filters apply) */
        get: operations["stage_summary_api_v1_leads_stage_summary_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/merges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Merges, newest first */
        get: operations["list_merges_api_v1_merges_get"];
        put?: never;
        /** Merge leads into a survivor, choosing each field's value */
        post: operations["create_merge_api_v1_merges_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/merges/{merge_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read Merge */
        get: operations["read_merge_api_v1_merges__merge_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/merges/{merge_id}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Undo a merge: every lead, tag, activity and attachment back as it was */
        post: operations["undo_merge_api_v1_merges__merge_id__undo_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/forms/{public_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a page needs to show the form, with a fresh render token */
        get: operations["public_form_api_v1_public_forms__public_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/forms/{public_id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a form: JSON, a plain HTML form post, or multipart with files
         * @description Creates one lead. A repeat with the same `Idempotency-Key` (within 24 hours) answers with the same lead (header `Idempotent-Replayed: true`) and a fresh edit token. A plain HTML form post to a form with a `redirect_url` is answered with 303.
         */
        post: operations["submit_form_api_v1_public_forms__public_id__submit_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/leads/{lead_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Correct a form submission (the edit token from the submit in `X-Edit-Token`) */
        put: operations["edit_submission_api_v1_public_leads__lead_id__put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/saved-views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your saved views and those shared with the workspace, by name */
        get: operations["list_saved_views_api_v1_saved_views_get"];
        put?: never;
        /** Save a view (409 when you have one of this name) */
        post: operations["create_saved_view_api_v1_saved_views_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/saved-views/{view_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete Saved View */
        delete: operations["delete_saved_view_api_v1_saved_views__view_id__delete"];
        options?: never;
        head?: never;
        /** Rename, re-save or share one of your views */
        patch: operations["update_saved_view_api_v1_saved_views__view_id__patch"];
        trace?: never;
    };
    "/api/v1/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Setup Status */
        get: operations["setup_status_api_v1_setup_get"];
        put?: never;
        /** First run: create the first owner and workspace (409 afterwards) */
        post: operations["setup_api_v1_setup_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The pipeline, in order */
        get: operations["list_stages_api_v1_stages_get"];
        put?: never;
        /** Create Stage */
        post: operations["create_stage_api_v1_stages_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stages/{stage_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read Stage */
        get: operations["read_stage_api_v1_stages__stage_id__get"];
        put?: never;
        post?: never;
        /** Delete a stage (its leads move to `move_to`) */
        delete: operations["delete_stage_api_v1_stages__stage_id__delete"];
        options?: never;
        head?: never;
        /** Update Stage */
        patch: operations["update_stage_api_v1_stages__stage_id__patch"];
        trace?: never;
    };
    "/api/v1/stages/reorder": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reorder Stages */
        post: operations["reorder_stages_api_v1_stages_reorder_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read Me */
        get: operations["read_me_api_v1_users_me_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update Me */
        patch: operations["update_me_api_v1_users_me_patch"];
        trace?: never;
    };
    "/api/v1/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify one address now (syntax, lists, DNS, the mail servers; bounded in time) */
        post: operations["verify_api_v1_verify_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/verify/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify many addresses or leads in the background (a job) */
        post: operations["verify_bulk_api_v1_verify_bulk_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/verify/bulk/{job_id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the results of a finished bulk verification as NDJSON or CSV */
        get: operations["bulk_results_api_v1_verify_bulk__job_id__results_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/verify/bulk/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify the addresses of an uploaded file in the background (a job) */
        post: operations["verify_bulk_file_api_v1_verify_bulk_file_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Workspaces */
        get: operations["list_workspaces_api_v1_workspaces_get"];
        put?: never;
        /** Create Workspace */
        post: operations["create_workspace_api_v1_workspaces_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspace_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read Workspace */
        get: operations["read_workspace_api_v1_workspaces__workspace_id__get"];
        put?: never;
        post?: never;
        /** Delete a workspace (restorable by its owners) */
        delete: operations["delete_workspace_api_v1_workspaces__workspace_id__delete"];
        options?: never;
        head?: never;
        /** Update Workspace */
        patch: operations["update_workspace_api_v1_workspaces__workspace_id__patch"];
        trace?: never;
    };
    "/api/v1/workspaces/{workspace_id}/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether outgoing email is set up: server, security and the workspace's sender */
        get: operations["email_status_api_v1_workspaces__workspace_id__email_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspace_id}/email/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a test email now (502/504 with the server's answer when it fails) */
        post: operations["send_test_email_api_v1_workspaces__workspace_id__email_test_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspace_id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invitations not accepted yet, newest first (expired ones too) */
        get: operations["list_invitations_api_v1_workspaces__workspace_id__invitations_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspace_id}/invitations/{invitation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an invitation (its link stops working) */
        delete: operations["revoke_invitation_api_v1_workspaces__workspace_id__invitations__invitation_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspace_id}/invitations/{invitation_id}/renew": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new link for an invitation (the old one stops working), valid 7 days again */
        post: operations["renew_invitation_api_v1_workspaces__workspace_id__invitations__invitation_id__renew_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspace_id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Members */
        get: operations["list_members_api_v1_workspaces__workspace_id__members_get"];
        put?: never;
        /** Add an existing user, or invite a new one */
        post: operations["add_member_api_v1_workspaces__workspace_id__members_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspace_id}/members/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member (anyone may remove themselves) */
        delete: operations["remove_member_api_v1_workspaces__workspace_id__members__user_id__delete"];
        options?: never;
        head?: never;
        /** Update Member */
        patch: operations["update_member_api_v1_workspaces__workspace_id__members__user_id__patch"];
        trace?: never;
    };
    "/api/v1/workspaces/{workspace_id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore Workspace */
        post: operations["restore_workspace_api_v1_workspaces__workspace_id__restore_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["health_health_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database, broker and Redis (503 when one is down) */
        get: operations["ready_health_ready_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** AcceptInvitation */
        AcceptInvitation: {
            /**
             * Full Name
             * @default
             */
            full_name: string;
            /** Password */
            password?: string | null;
            /**
             * Token
             * @example kq2V7xPzR0b1mN8cT4sW9yL3fH6jD5aE2gU0iO7pQ1r
             */
            token: string;
        };
        /** AcceptRequest */
        AcceptRequest: {
            /**
             * Default
             * @description For fields not named: the survivor's value unless empty (`survivor_first`), the most recently updated lead's, or the longest
             * @default survivor_first
             * @enum {string}
             */
            default: "survivor_first" | "most_recent" | "most_complete";
            /**
             * Fields
             * @description Per field (`first_name`, `email`, `phone`, `stage`, `owner_id`, `custom_fields.<key>`, ...): `most_recent`, `most_complete`, `survivor_first`, the id of one of the leads, or {"value": ...}
             * @example {
             *       "email": "most_recent",
             *       "first_name": {
             *         "value": "Ada"
             *       },
             *       "job_title": "0193a5c2-7d1e-7c4b-9f00-3b6d2a8e4f10"
             *     }
             */
            fields?: {
                [key: string]: string | components["schemas"]["ManualValue"];
            };
            /**
             * Survivor Id
             * @description One of the pair (default: the older lead)
             * @example 0193a5c2-7d1e-7c4b-9f00-3b6d2a8e4f10
             */
            survivor_id?: string | null;
        };
        /** ActivityCreate */
        ActivityCreate: {
            /**
             * Body
             * @example Called: wants a demo next Tuesday.
             */
            body: string;
            /**
             * @default note
             * @example call
             */
            kind: components["schemas"]["ActivityKind"];
            /** Occurred At */
            occurred_at?: string | null;
        };
        /**
         * ActivityKind
         * @enum {string}
         */
        ActivityKind: "note" | "call" | "email_sent" | "email_received" | "meeting" | "stage_change" | "field_change" | "assignment" | "system";
        /** ActivityRead */
        ActivityRead: {
            /** Actor Id */
            actor_id: string | null;
            /**
             * Body
             * @example Chose a competitor
             */
            body: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Data
             * @description What happened, by kind (stage ids, field old/new, event name)
             * @example {
             *       "from_stage_id": "01a2…",
             *       "to_stage": "Lost",
             *       "to_stage_id": "01a3…"
             *     }
             */
            data: {
                [key: string]: unknown;
            };
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** @example stage_change */
            kind: components["schemas"]["ActivityKind"];
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
        };
        /** Ageing */
        Ageing: {
            range: components["schemas"]["DateRange"];
            /** Stages */
            stages: components["schemas"]["StageAgeing"][];
        };
        /** AgeingBucket */
        AgeingBucket: {
            /**
             * Count
             * @example 5
             */
            count: number;
            /**
             * Label
             * @example 7-30 days
             */
            label: string;
            /**
             * Max Days
             * @description Excluded; null for no upper bound
             * @example 30
             */
            max_days: number | null;
            /**
             * Min Days
             * @example 7
             */
            min_days: number;
        };
        /** ApiKeyCreate */
        ApiKeyCreate: {
            /** Expires At */
            expires_at?: string | null;
            /**
             * Name
             * @example Website form sync
             */
            name: string;
            /**
             * Scopes
             * @description Permissions of the key; default: your role's, minus member/key admin
             */
            scopes?: components["schemas"]["Permission"][] | null;
        };
        /** ApiKeyCreated */
        ApiKeyCreated: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By Id */
            created_by_id: string | null;
            /** Expires At */
            expires_at: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Key
             * @description The key itself. It is shown only this once.
             */
            key: string;
            /** Last Used At */
            last_used_at: string | null;
            /** Name */
            name: string;
            /**
             * Prefix
             * @description Shown so you can tell keys apart: lw_<prefix>_…
             * @example 3f9a1c2b7d4e
             */
            prefix: string;
            /** Revoked At */
            revoked_at: string | null;
            /** Scopes */
            scopes: string[];
        };
        /** ApiKeyRead */
        ApiKeyRead: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By Id */
            created_by_id: string | null;
            /** Expires At */
            expires_at: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Last Used At */
            last_used_at: string | null;
            /** Name */
            name: string;
            /**
             * Prefix
             * @description Shown so you can tell keys apart: lw_<prefix>_…
             * @example 3f9a1c2b7d4e
             */
            prefix: string;
            /** Revoked At */
            revoked_at: string | null;
            /** Scopes */
            scopes: string[];
        };
        /** AssignmentRuleCreate */
        AssignmentRuleCreate: {
            /**
             * Countries
             * @description ISO alpha-2 codes
             * @default []
             */
            countries: string[];
            /**
             * Is Active
             * @default true
             */
            is_active: boolean;
            /**
             * Name
             * @example EMEA inbound
             */
            name: string;
            /**
             * Position
             * @default 0
             */
            position: number;
            /**
             * Sources
             * @default []
             */
            sources: components["schemas"]["LeadSource"][];
            strategy: components["schemas"]["AssignmentStrategy"];
            /** User Ids */
            user_ids: string[];
        };
        /** AssignmentRuleRead */
        AssignmentRuleRead: {
            /** Countries */
            countries: string[];
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Is Active */
            is_active: boolean;
            /**
             * Name
             * @example EMEA inbound
             */
            name: string;
            /** Position */
            position: number;
            /** Sources */
            sources: string[];
            /** @example round_robin */
            strategy: components["schemas"]["AssignmentStrategy"];
            /** User Ids */
            user_ids: string[];
        };
        /** AssignmentRuleUpdate */
        AssignmentRuleUpdate: {
            /** Countries */
            countries?: string[] | null;
            /** Is Active */
            is_active?: boolean | null;
            /**
             * Name
             * @example EMEA inbound
             */
            name?: string | null;
            /** Position */
            position?: number | null;
            /** Sources */
            sources?: components["schemas"]["LeadSource"][] | null;
            strategy?: components["schemas"]["AssignmentStrategy"] | null;
            /** User Ids */
            user_ids?: string[] | null;
        };
        /**
         * AssignmentStrategy
         * @enum {string}
         */
        AssignmentStrategy: "round_robin" | "least_loaded";
        /** AssignOwner */
        AssignOwner: {
            /**
             * Owner Id
             * @description A member of the workspace, or null
             * @example 01a2015f-097d-7179-8c16-e7e291dcb4c4
             */
            owner_id: string | null;
        };
        /** AttachmentRead */
        AttachmentRead: {
            /**
             * Content Type
             * @description Detected from the file's bytes
             * @example application/pdf
             */
            content_type: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Lead Id
             * Format: uuid
             */
            lead_id: string;
            /**
             * Original Name
             * @example cv-ada-lovelace.pdf
             */
            original_name: string;
            /** Sha256 */
            sha256: string;
            /**
             * Size
             * @description Bytes
             * @example 5242880
             */
            size: number;
            /** Uploaded By Id */
            uploaded_by_id: string | null;
        };
        /** Body_login_api_v1_auth_login_post */
        Body_login_api_v1_auth_login_post: {
            /** Client Id */
            client_id?: string | null;
            /**
             * Client Secret
             * Format: password
             */
            client_secret?: string | null;
            /** Grant Type */
            grant_type?: string | null;
            /**
             * Password
             * Format: password
             */
            password: string;
            /**
             * Scope
             * @default
             */
            scope: string;
            /** Username */
            username: string;
        };
        /** BulkChanges */
        BulkChanges: {
            /**
             * Add Tags
             * @default []
             * @example [
             *       "webinar-2026"
             *     ]
             */
            add_tags: string[];
            /** Lost Reason */
            lost_reason?: string | null;
            /**
             * Owner Id
             * @description Set to null with `unassign`
             */
            owner_id?: string | null;
            /**
             * Remove Tags
             * @default []
             */
            remove_tags: string[];
            /** Stage Id */
            stage_id?: string | null;
            /**
             * Unassign
             * @default false
             */
            unassign: boolean;
        };
        /** BulkDecision */
        BulkDecision: {
            /**
             * Action
             * @example reject
             * @enum {string}
             */
            action: "accept" | "reject";
            /**
             * Ids
             * @example [
             *       "0193a5c2-7d1e-7c4b-9f00-3b6d2a8e4f10"
             *     ]
             */
            ids: string[];
        };
        /** BulkDecisionResult */
        BulkDecisionResult: {
            /**
             * Accepted
             * @description Pairs merged
             * @example 12
             */
            accepted: number;
            /**
             * Merge Ids
             * @description One merge per group of accepted pairs
             */
            merge_ids: string[];
            /**
             * Rejected
             * @description Pairs rejected
             * @example 0
             */
            rejected: number;
            /**
             * Skipped
             * @description Pairs already decided, or whose leads were merged or deleted meanwhile
             */
            skipped: string[];
        };
        /**
         * BulkFilter
         * @description Which leads: the filters of the leads list, also for bulk changes.
         */
        BulkFilter: {
            /**
             * Company Id
             * @description A company's leads
             */
            company_id?: string | null;
            /** Created From */
            created_from?: string | null;
            /** Created To */
            created_to?: string | null;
            /** Has Email */
            has_email?: boolean | null;
            lifecycle?: components["schemas"]["Lifecycle"] | null;
            /** Owner Id */
            owner_id?: string | null;
            /**
             * Q
             * @description Name, email or company
             */
            q?: string | null;
            /**
             * Score Max
             * @description Score at most this
             */
            score_max?: number | null;
            /**
             * Score Min
             * @description Score at least this
             */
            score_min?: number | null;
            source?: components["schemas"]["LeadSource"] | null;
            /** Stage Id */
            stage_id?: string | null;
            /** Tag */
            tag?: string | null;
            /**
             * Verification Status
             * @description Email verification status; `unverified`: never checked
             */
            verification_status?: ("valid" | "invalid" | "accept_all" | "disposable" | "unknown" | "unverified") | null;
        };
        /** BulkRequest */
        BulkRequest: {
            /**
             * Action
             * @example update
             */
            action: string;
            changes?: components["schemas"]["BulkChanges"] | null;
            /** @description Instead of ids: every lead it matches */
            filter?: components["schemas"]["BulkFilter"] | null;
            /** Ids */
            ids?: string[] | null;
        };
        /** BulkResult */
        BulkResult: {
            /**
             * Changed
             * @description Leads that actually changed
             * @example 117
             */
            changed: number;
            /**
             * Matched
             * @description Leads the ids or filter named
             * @example 120
             */
            matched: number;
        };
        /**
         * BulkVerifyRequest
         * @description One source: a list of addresses, leads by id, or the leads matching a filter.
         */
        BulkVerifyRequest: {
            /**
             * Emails
             * @example [
             *       "jane.doe@acme.io",
             *       "info@acme.io"
             *     ]
             */
            emails?: string[] | null;
            /** @description Every lead matching the filter, e.g. {"verification_status": "unverified"} */
            filter?: components["schemas"]["BulkFilter"] | null;
            /** Lead Ids */
            lead_ids?: string[] | null;
            /**
             * Smtp
             * @default true
             */
            smtp: boolean;
        };
        /** CandidateRead */
        CandidateRead: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Decided At */
            decided_at: string | null;
            /** Decided By Id */
            decided_by_id: string | null;
            /**
             * Explanation
             * @description Per field, strongest first
             */
            explanation: components["schemas"]["FieldExplanation"][];
            /**
             * Group Id
             * @description The duplicate group the scan found the pair in (pairs of one group share it)
             */
            group_id: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Leads
             * @description The two leads
             */
            leads: components["schemas"]["LeadSummary"][];
            /**
             * Match Weight
             * @description Sum of the field weights and the prior
             * @example 9.4
             */
            match_weight: number;
            /**
             * Merge Id
             * @description The merge that accepted the pair
             */
            merge_id: string | null;
            /**
             * Probability
             * @description That the two are one person
             * @example 0.987
             */
            probability: number;
            /** Scan Job Id */
            scan_job_id: string | null;
            /**
             * @description What proposed it: a scan, a form (capture), an import, or the API
             * @example scan
             */
            source: components["schemas"]["CandidateSource"];
            /** @example open */
            status: components["schemas"]["CandidateStatus"];
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * CandidateSource
         * @enum {string}
         */
        CandidateSource: "scan" | "capture" | "import" | "api";
        /**
         * CandidateStatus
         * @enum {string}
         */
        CandidateStatus: "open" | "merged" | "rejected";
        /** CompanyCreate */
        CompanyCreate: {
            /** Address */
            address?: {
                [key: string]: unknown;
            } | null;
            /** City */
            city?: string | null;
            /** Country */
            country?: string | null;
            /** Description */
            description?: string | null;
            /**
             * Domain
             * @example acme.io
             */
            domain?: string | null;
            /** Industry */
            industry?: string | null;
            /** Logo Url */
            logo_url?: string | null;
            /**
             * Name
             * @example Acme Ltd
             */
            name: string;
            /** Phone */
            phone?: string | null;
            /** Size Band */
            size_band?: string | null;
            /** Social Profiles */
            social_profiles?: {
                [key: string]: string;
            } | null;
            /**
             * Website
             * @example https://www.acme.io
             */
            website?: string | null;
        };
        /** CompanyRead */
        CompanyRead: {
            /** Address */
            address: {
                [key: string]: unknown;
            };
            /** City */
            city: string | null;
            /** Country */
            country: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Description */
            description: string | null;
            /**
             * Domain
             * @example acme.io
             */
            domain: string | null;
            /** Enriched At */
            enriched_at: string | null;
            /** Enrichment */
            enrichment: {
                [key: string]: unknown;
            };
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Industry */
            industry: string | null;
            /** Logo Url */
            logo_url: string | null;
            /**
             * Name
             * @example Acme Ltd
             */
            name: string;
            /** Phone */
            phone: string | null;
            /** Size Band */
            size_band: string | null;
            /** Social Profiles */
            social_profiles: {
                [key: string]: unknown;
            };
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Website */
            website: string | null;
        };
        /** CompanyUpdate */
        CompanyUpdate: {
            /** Address */
            address?: {
                [key: string]: unknown;
            } | null;
            /** City */
            city?: string | null;
            /** Country */
            country?: string | null;
            /** Description */
            description?: string | null;
            /**
             * Domain
             * @example acme.io
             */
            domain?: string | null;
            /** Industry */
            industry?: string | null;
            /** Logo Url */
            logo_url?: string | null;
            /**
             * Name
             * @example Acme Ltd
             */
            name?: string | null;
            /** Phone */
            phone?: string | null;
            /** Size Band */
            size_band?: string | null;
            /** Social Profiles */
            social_profiles?: {
                [key: string]: string;
            } | null;
            /**
             * Website
             * @example https://www.acme.io
             */
            website?: string | null;
        };
        /** CrawlLead */
        CrawlLead: {
            /**
             * Created
             * @description False: the lead existed already (same address, or same name at the company)
             * @example true
             */
            created: boolean;
            /**
             * Email
             * @example anna.schmidt@acme.com
             */
            email: string | null;
            /**
             * Email Status
             * @description found (on the site, with its verdict when verified), or the generated address's verdict: valid, accept_all, unknown, unverified; none
             * @example found, valid
             */
            email_status: string;
            /**
             * Lead Id
             * Format: uuid
             */
            lead_id: string;
            /**
             * Name
             * @example Anna Schmidt
             */
            name: string | null;
        };
        /** CrawlLeadsRead */
        CrawlLeadsRead: {
            /**
             * Company Id
             * @description The company of the site's domain (found or created)
             * @example null
             */
            company_id: string | null;
            /**
             * Crawl Id
             * Format: uuid
             */
            crawl_id: string;
            /**
             * Created
             * @example 2
             */
            created: number;
            /**
             * Existing
             * @example 0
             */
            existing: number;
            /** Leads */
            leads: components["schemas"]["CrawlLead"][];
        };
        /** CrawlLeadsRequest */
        CrawlLeadsRequest: {
            /**
             * All People
             * @description Every person of the result
             * @default false
             * @example false
             */
            all_people: boolean;
            /**
             * Emails
             * @description Addresses of the result (`result.emails[].value`) to add as leads of their own, e.g. a sales@ address
             * @default []
             * @example [
             *       "vertrieb@acme.com"
             *     ]
             */
            emails: string[];
            /**
             * People
             * @description Names of people of the crawl's result (`result.people[].name`)
             * @default []
             * @example [
             *       "Anna Schmidt",
             *       "Tom Becker"
             *     ]
             */
            people: string[];
            /**
             * Tags
             * @default []
             * @example [
             *       "crawled"
             *     ]
             */
            tags: string[];
        };
        /** CrawlRead */
        CrawlRead: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By Id */
            created_by_id: string | null;
            /**
             * Depth
             * @example 2
             */
            depth: number | null;
            /**
             * Emails
             * @description Addresses found on the site (when done)
             * @example 9
             */
            emails: number | null;
            /**
             * Error
             * @description Why the crawl failed
             * @example CrawlFailed: nothing could be crawled: acme.com does not resolve
             */
            error: string | null;
            /** Finished At */
            finished_at: string | null;
            /**
             * Id
             * Format: uuid
             * @description The crawl's id (its job's id)
             */
            id: string;
            /**
             * Max Pages
             * @example 30
             */
            max_pages: number | null;
            /**
             * Pages Fetched
             * @description Pages fetched so far
             * @example 12
             */
            pages_fetched: number;
            /**
             * People
             * @description People found (when done)
             * @example 7
             */
            people: number | null;
            /**
             * Progress
             * @description Percent done (pages fetched of the page budget)
             * @example 40
             */
            progress: number;
            /**
             * Result
             * @description When succeeded: company facts, people, emails with their sources and verification, the email pattern and its confidence, crawl statistics
             * @example {
             *       "company": {
             *         "country": "DE",
             *         "name": {
             *           "sources": [
             *             {
             *               "method": "json-ld",
             *               "url": "https://acme.com/"
             *             }
             *           ],
             *           "value": "Acme Robotics GmbH"
             *         },
             *         "phones": [
             *           {
             *             "sources": [
             *               {
             *                 "method": "tel",
             *                 "url": "https://acme.com/kontakt"
             *               }
             *             ],
             *             "value": "+49301234567"
             *           }
             *         ]
             *       },
             *       "company_domain": "acme.com",
             *       "email_pattern": {
             *         "confidence": 0.8,
             *         "domain": "acme.com",
             *         "pattern": "{first}.{last}"
             *       },
             *       "emails": [
             *         {
             *           "kind": "personal",
             *           "on_site_domain": true,
             *           "sources": [
             *             {
             *               "method": "mailto",
             *               "url": "https://acme.com/team/"
             *             }
             *           ],
             *           "value": "anna.schmidt@acme.com",
             *           "verification": {
             *             "score": 95,
             *             "status": "valid",
             *             "sub_status": "accepted"
             *           }
             *         }
             *       ],
             *       "people": [
             *         {
             *           "emails": [
             *             "anna.schmidt@acme.com"
             *           ],
             *           "first_name": "Anna",
             *           "last_name": "Schmidt",
             *           "name": "Anna Schmidt",
             *           "sources": [
             *             {
             *               "method": "card",
             *               "url": "https://acme.com/team/"
             *             }
             *           ],
             *           "title": "CEO"
             *         },
             *         {
             *           "emails": [],
             *           "first_name": "Tom",
             *           "generated_email": {
             *             "email": "tom.becker@acme.com",
             *             "note": "the mail server accepted it",
             *             "pattern": "{first}.{last}",
             *             "status": "valid"
             *           },
             *           "last_name": "Becker",
             *           "name": "Tom Becker",
             *           "sources": [
             *             {
             *               "method": "card",
             *               "url": "https://acme.com/team/"
             *             }
             *           ],
             *           "title": "Head of Sales"
             *         }
             *       ],
             *       "site": "acme.com",
             *       "stats": {
             *         "pages_failed": 0,
             *         "pages_fetched": 12,
             *         "seconds": 4.2,
             *         "stopped_by": "done"
             *       },
             *       "verified": true
             *     }
             */
            result: {
                [key: string]: unknown;
            } | null;
            /** Started At */
            started_at: string | null;
            /** @example running */
            status: components["schemas"]["JobStatus"];
            /**
             * Target
             * @example acme.com
             */
            target: string;
            /**
             * Verify
             * @example true
             */
            verify: boolean;
        };
        /** CrawlRequest */
        CrawlRequest: {
            /**
             * Depth
             * @description Links deep at most [default: the setting]
             * @example 2
             */
            depth?: number | null;
            /**
             * Domain
             * @description A domain to crawl
             * @example acme.com
             */
            domain?: string | null;
            /**
             * Max Pages
             * @description Pages at most [default: the setting]
             * @example 30
             */
            max_pages?: number | null;
            /**
             * Url
             * @description Or a URL to start from
             * @example https://www.acme.com/about
             */
            url?: string | null;
            /**
             * Verify
             * @description Verify the addresses found on the site and those generated for people
             * @default true
             * @example true
             */
            verify: boolean;
        };
        /** CrawlSummary */
        CrawlSummary: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By Id */
            created_by_id: string | null;
            /**
             * Depth
             * @example 2
             */
            depth: number | null;
            /**
             * Emails
             * @description Addresses found on the site (when done)
             * @example 9
             */
            emails: number | null;
            /**
             * Error
             * @description Why the crawl failed
             * @example CrawlFailed: nothing could be crawled: acme.com does not resolve
             */
            error: string | null;
            /** Finished At */
            finished_at: string | null;
            /**
             * Id
             * Format: uuid
             * @description The crawl's id (its job's id)
             */
            id: string;
            /**
             * Max Pages
             * @example 30
             */
            max_pages: number | null;
            /**
             * Pages Fetched
             * @description Pages fetched so far
             * @example 12
             */
            pages_fetched: number;
            /**
             * People
             * @description People found (when done)
             * @example 7
             */
            people: number | null;
            /**
             * Progress
             * @description Percent done (pages fetched of the page budget)
             * @example 40
             */
            progress: number;
            /** Started At */
            started_at: string | null;
            /** @example running */
            status: components["schemas"]["JobStatus"];
            /**
             * Target
             * @example acme.com
             */
            target: string;
            /**
             * Verify
             * @example true
             */
            verify: boolean;
        };
        /** CustomFieldCreate */
        CustomFieldCreate: {
            /**
             * Key
             * @example budget
             */
            key: string;
            /**
             * Label
             * @example Budget
             */
            label: string;
            /**
             * Options
             * @default []
             */
            options: string[];
            /**
             * Position
             * @default 0
             */
            position: number;
            /**
             * Required
             * @default false
             */
            required: boolean;
            type: components["schemas"]["CustomFieldType"];
        };
        /** CustomFieldRead */
        CustomFieldRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Key
             * @example seats
             */
            key: string;
            /**
             * Label
             * @example Seats
             */
            label: string;
            /** Options */
            options: string[];
            /** Position */
            position: number;
            /** Required */
            required: boolean;
            /** @example number */
            type: components["schemas"]["CustomFieldType"];
        };
        /**
         * CustomFieldType
         * @enum {string}
         */
        CustomFieldType: "text" | "number" | "date" | "select" | "boolean";
        /** CustomFieldUpdate */
        CustomFieldUpdate: {
            /**
             * Label
             * @example Seats wanted
             */
            label?: string | null;
            /** Options */
            options?: string[] | null;
            /** Position */
            position?: number | null;
            /** Required */
            required?: boolean | null;
        };
        /**
         * DateOrder
         * @enum {string}
         */
        DateOrder: "dmy" | "mdy";
        /** DateRange */
        DateRange: {
            /**
             * End
             * Format: date
             * @description Last day (UTC), included
             * @example 2026-11-30
             */
            end: string;
            /**
             * Start
             * Format: date
             * @description First day (UTC), included
             * @example 2026-11-01
             */
            start: string;
        };
        /**
         * Decision
         * @enum {string}
         */
        Decision: "create" | "update" | "skip" | "review" | "fail";
        /**
         * DuplicatePolicy
         * @description What a row that matches an existing lead does to it.
         * @enum {string}
         */
        DuplicatePolicy: "skip" | "fill_empty" | "overwrite" | "review";
        /** EnrichRequest */
        EnrichRequest: {
            /**
             * Refresh
             * @description Ask every provider again even when its stored answer is fresh
             * @default false
             * @example true
             */
            refresh: boolean;
        };
        /** Envelope[ActivityRead] */
        Envelope_ActivityRead_: {
            data: components["schemas"]["ActivityRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[Ageing] */
        Envelope_Ageing_: {
            data: components["schemas"]["Ageing"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[ApiKeyCreated] */
        Envelope_ApiKeyCreated_: {
            data: components["schemas"]["ApiKeyCreated"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[ApiKeyRead] */
        Envelope_ApiKeyRead_: {
            data: components["schemas"]["ApiKeyRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[AssignmentRuleRead] */
        Envelope_AssignmentRuleRead_: {
            data: components["schemas"]["AssignmentRuleRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[AttachmentRead] */
        Envelope_AttachmentRead_: {
            data: components["schemas"]["AttachmentRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[BulkDecisionResult] */
        Envelope_BulkDecisionResult_: {
            data: components["schemas"]["BulkDecisionResult"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[BulkResult] */
        Envelope_BulkResult_: {
            data: components["schemas"]["BulkResult"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[CandidateRead] */
        Envelope_CandidateRead_: {
            data: components["schemas"]["CandidateRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[CompanyRead] */
        Envelope_CompanyRead_: {
            data: components["schemas"]["CompanyRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[CrawlLeadsRead] */
        Envelope_CrawlLeadsRead_: {
            data: components["schemas"]["CrawlLeadsRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[CrawlRead] */
        Envelope_CrawlRead_: {
            data: components["schemas"]["CrawlRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[CustomFieldRead] */
        Envelope_CustomFieldRead_: {
            data: components["schemas"]["CustomFieldRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[ExportCatalogue] */
        Envelope_ExportCatalogue_: {
            data: components["schemas"]["ExportCatalogue"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[FormRead] */
        Envelope_FormRead_: {
            data: components["schemas"]["FormRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[Funnel] */
        Envelope_Funnel_: {
            data: components["schemas"]["Funnel"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[Health] */
        Envelope_Health_: {
            data: components["schemas"]["Health"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[ImportRead] */
        Envelope_ImportRead_: {
            data: components["schemas"]["ImportRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[ImportUploaded] */
        Envelope_ImportUploaded_: {
            data: components["schemas"]["ImportUploaded"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[InvitationPreviewRead] */
        Envelope_InvitationPreviewRead_: {
            data: components["schemas"]["InvitationPreviewRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[InvitationRead] */
        Envelope_InvitationRead_: {
            data: components["schemas"]["InvitationRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[JobRead] */
        Envelope_JobRead_: {
            data: components["schemas"]["JobRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[LeadDetailRead] */
        Envelope_LeadDetailRead_: {
            data: components["schemas"]["LeadDetailRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[LeadRead] */
        Envelope_LeadRead_: {
            data: components["schemas"]["LeadRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[LeadsOverTime] */
        Envelope_LeadsOverTime_: {
            data: components["schemas"]["LeadsOverTime"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[list[ApiKeyRead]] */
        Envelope_list_ApiKeyRead__: {
            /** Data */
            data: components["schemas"]["ApiKeyRead"][];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[list[AssignmentRuleRead]] */
        Envelope_list_AssignmentRuleRead__: {
            /** Data */
            data: components["schemas"]["AssignmentRuleRead"][];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[list[AttachmentRead]] */
        Envelope_list_AttachmentRead__: {
            /** Data */
            data: components["schemas"]["AttachmentRead"][];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[list[CustomFieldRead]] */
        Envelope_list_CustomFieldRead__: {
            /** Data */
            data: components["schemas"]["CustomFieldRead"][];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[list[PendingInvitationRead]] */
        Envelope_list_PendingInvitationRead__: {
            /** Data */
            data: components["schemas"]["PendingInvitationRead"][];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[list[PresetRead]] */
        Envelope_list_PresetRead__: {
            /** Data */
            data: components["schemas"]["PresetRead"][];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[list[SavedViewRead]] */
        Envelope_list_SavedViewRead__: {
            /** Data */
            data: components["schemas"]["SavedViewRead"][];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[list[StageRead]] */
        Envelope_list_StageRead__: {
            /** Data */
            data: components["schemas"]["StageRead"][];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[list[StageSummary]] */
        Envelope_list_StageSummary__: {
            /** Data */
            data: components["schemas"]["StageSummary"][];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[list[WorkspaceWithRole]] */
        Envelope_list_WorkspaceWithRole__: {
            /** Data */
            data: components["schemas"]["WorkspaceWithRole"][];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[MemberAdded] */
        Envelope_MemberAdded_: {
            data: components["schemas"]["MemberAdded"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[MemberRead] */
        Envelope_MemberRead_: {
            data: components["schemas"]["MemberRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[MeRead] */
        Envelope_MeRead_: {
            data: components["schemas"]["MeRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[MergeRead] */
        Envelope_MergeRead_: {
            data: components["schemas"]["MergeRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[NoneType] */
        Envelope_NoneType_: {
            /** Data */
            data: null;
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[PendingInvitationRead] */
        Envelope_PendingInvitationRead_: {
            data: components["schemas"]["PendingInvitationRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[PresetRead] */
        Envelope_PresetRead_: {
            data: components["schemas"]["PresetRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[PreviewRead] */
        Envelope_PreviewRead_: {
            data: components["schemas"]["PreviewRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[PublicFormRead] */
        Envelope_PublicFormRead_: {
            data: components["schemas"]["PublicFormRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[PublicLeadRead] */
        Envelope_PublicLeadRead_: {
            data: components["schemas"]["PublicLeadRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[Readiness] */
        Envelope_Readiness_: {
            data: components["schemas"]["Readiness"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[SavedViewRead] */
        Envelope_SavedViewRead_: {
            data: components["schemas"]["SavedViewRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[SetupResult] */
        Envelope_SetupResult_: {
            data: components["schemas"]["SetupResult"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[SetupStatus] */
        Envelope_SetupStatus_: {
            data: components["schemas"]["SetupStatus"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[SmtpStatusRead] */
        Envelope_SmtpStatusRead_: {
            data: components["schemas"]["SmtpStatusRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[SourcesReport] */
        Envelope_SourcesReport_: {
            data: components["schemas"]["SourcesReport"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[StageRead] */
        Envelope_StageRead_: {
            data: components["schemas"]["StageRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[SubmitResult] */
        Envelope_SubmitResult_: {
            data: components["schemas"]["SubmitResult"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[TestEmailRead] */
        Envelope_TestEmailRead_: {
            data: components["schemas"]["TestEmailRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[VerificationBreakdown] */
        Envelope_VerificationBreakdown_: {
            data: components["schemas"]["VerificationBreakdown"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[VerificationRead] */
        Envelope_VerificationRead_: {
            data: components["schemas"]["VerificationRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[WorkspaceRead] */
        Envelope_WorkspaceRead_: {
            data: components["schemas"]["WorkspaceRead"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** Envelope[WorkspaceWithRole] */
        Envelope_WorkspaceWithRole_: {
            data: components["schemas"]["WorkspaceWithRole"];
            /** Message */
            message?: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** ErrorBody */
        ErrorBody: {
            /**
             * Code
             * @example VALIDATION_ERROR
             */
            code: string;
            /**
             * Details
             * @default {}
             */
            details: {
                [key: string]: unknown;
            };
            /** Message */
            message: string;
        };
        /** ErrorEnvelope */
        ErrorEnvelope: {
            error: components["schemas"]["ErrorBody"];
            /**
             * Success
             * @default false
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** ExportCatalogue */
        ExportCatalogue: {
            /**
             * Fields
             * @description Every field, in the default order
             */
            fields: components["schemas"]["FieldInfo"][];
            /**
             * Formats
             * @example [
             *       "csv",
             *       "xlsx",
             *       "json",
             *       "ndjson",
             *       "xml"
             *     ]
             */
            formats: string[];
            /**
             * Presets
             * @description Each preset's column headers
             * @example {
             *       "hubspot": [
             *         "First Name",
             *         "Last Name",
             *         "Email"
             *       ]
             *     }
             */
            presets: {
                [key: string]: string[];
            };
        };
        /**
         * ExportRequest
         * @description The body of `POST /exports`: a job that writes the file for a later download.
         */
        ExportRequest: {
            /**
             * Bom
             * @description CSV only: start with a UTF-8 BOM (for Excel)
             * @default false
             */
            bom: boolean;
            /**
             * Deleted
             * @description Export the deleted leads (the bin) instead
             * @default false
             */
            deleted: boolean;
            /**
             * Delimiter
             * @description CSV only; `tab` (or a tab) for TSV
             * @default ,
             * @enum {string}
             */
            delimiter: "," | ";" | "\t" | "|" | "tab";
            /**
             * Fields
             * @description Field keys in order (default: every field); see GET /exports/fields
             * @example [
             *       "first_name",
             *       "last_name",
             *       "email",
             *       "phone",
             *       "stage",
             *       "tags",
             *       "custom:budget"
             *     ]
             */
            fields?: string[] | null;
            /**
             * @description Which leads: the filters of the leads list
             * @example {
             *       "created_from": "2026-01-01T00:00:00Z",
             *       "tag": "webinar-2026"
             *     }
             */
            filter?: components["schemas"]["BulkFilter"];
            /**
             * Format
             * @default csv
             * @example csv
             * @enum {string}
             */
            format: "csv" | "xlsx" | "json" | "ndjson" | "xml";
            /**
             * Headers
             * @description CSV and XLSX header row: field keys or readable labels
             * @default keys
             * @enum {string}
             */
            headers: "keys" | "labels";
            /**
             * Ids
             * @description Only these leads (the rows ticked in the list), if they match the filter
             */
            ids?: string[] | null;
            /**
             * Preset
             * @description The import columns of a CRM (CSV or XLSX only); `fields` are added after them
             * @example hubspot
             */
            preset?: ("hubspot" | "salesforce" | "pipedrive") | null;
        };
        /** FieldExplanation */
        FieldExplanation: {
            /**
             * Field
             * @example email
             */
            field: string;
            /**
             * Level
             * @description How far the two values agree
             * @example typo (≤ 2 edits)
             */
            level: string;
            /**
             * Weight
             * @description What it adds to the match weight (log2 odds; negative speaks against)
             * @example 7.2
             */
            weight: number;
        };
        /** FieldInfo */
        FieldInfo: {
            /**
             * Key
             * @example custom:budget
             */
            key: string;
            /**
             * Label
             * @example Budget
             */
            label: string;
        };
        /** FormCreate */
        FormCreate: {
            /** Accept Files */
            accept_files?: boolean | null;
            /**
             * Allowed Fields
             * @description Lead fields (first_name, last_name, email, phone, job_title, company_name, website, country, city, message, consent_marketing, consent_privacy) or custom field keys
             * @example [
             *       "first_name",
             *       "last_name",
             *       "email",
             *       "phone",
             *       "company_name",
             *       "message"
             *     ]
             */
            allowed_fields?: string[] | null;
            /**
             * Allowed Origins
             * @description Pages that may post the form (empty: any, e.g. server-side posts)
             * @example [
             *       "https://www.example.com"
             *     ]
             */
            allowed_origins?: string[] | null;
            /** Confirmation Message */
            confirmation_message?: string | null;
            /** Confirmation Subject */
            confirmation_subject?: string | null;
            /**
             * Duplicate Policy
             * @description A submission with the email of an existing lead: `flag` (default) creates the lead and puts the pair in the duplicates review queue, `merge` adds the submission to the existing lead (fills its empty fields; no new lead), `create` only creates it. Probable duplicates (typos, another address) are flagged for review in every case.
             * @example flag
             */
            duplicate_policy?: ("flag" | "merge" | "create") | null;
            /**
             * Honeypot Field
             * @description A field hidden from people; bots that fill it are ignored
             */
            honeypot_field?: string | null;
            /** Is Active */
            is_active?: boolean | null;
            /**
             * Min Fill Seconds
             * @description Submissions faster than this are refused (0: off)
             */
            min_fill_seconds?: number | null;
            /**
             * Name
             * @example Contact us
             */
            name: string;
            /**
             * Notify Emails
             * @description Told of each submission (default: the lead's owner)
             */
            notify_emails?: string[] | null;
            /**
             * Redirect Url
             * @description Where a plain HTML form post is sent after success (303)
             * @example https://www.example.com/thanks
             */
            redirect_url?: string | null;
            /**
             * Required Fields
             * @example [
             *       "email"
             *     ]
             */
            required_fields?: string[] | null;
            /**
             * Send Confirmation
             * @description Email the prospect a confirmation
             */
            send_confirmation?: boolean | null;
            /**
             * Tags
             * @description Given to every lead
             */
            tags?: string[] | null;
        };
        /** FormRead */
        FormRead: {
            /** Accept Files */
            accept_files: boolean;
            /** Allowed Fields */
            allowed_fields: string[];
            /** Allowed Origins */
            allowed_origins: string[];
            /** Confirmation Message */
            confirmation_message: string | null;
            /** Confirmation Subject */
            confirmation_subject: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Duplicate Policy
             * @example flag
             */
            duplicate_policy: string;
            /** Honeypot Field */
            honeypot_field: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Is Active */
            is_active: boolean;
            /** Min Fill Seconds */
            min_fill_seconds: number;
            /** Name */
            name: string;
            /** Notify Emails */
            notify_emails: string[];
            /**
             * Public Id
             * @description What the embed snippet posts to
             */
            public_id: string;
            /** Redirect Url */
            redirect_url: string | null;
            /** Required Fields */
            required_fields: string[];
            /** Send Confirmation */
            send_confirmation: boolean;
            /**
             * Submit Url
             * @example /api/v1/public/forms/f_3kT9xQ2mLp8vR4sW/submit
             */
            submit_url: string;
            /** Tags */
            tags: string[];
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** FormUpdate */
        FormUpdate: {
            /** Accept Files */
            accept_files?: boolean | null;
            /**
             * Allowed Fields
             * @description Lead fields (first_name, last_name, email, phone, job_title, company_name, website, country, city, message, consent_marketing, consent_privacy) or custom field keys
             * @example [
             *       "first_name",
             *       "last_name",
             *       "email",
             *       "phone",
             *       "company_name",
             *       "message"
             *     ]
             */
            allowed_fields?: string[] | null;
            /**
             * Allowed Origins
             * @description Pages that may post the form (empty: any, e.g. server-side posts)
             * @example [
             *       "https://www.example.com"
             *     ]
             */
            allowed_origins?: string[] | null;
            /** Confirmation Message */
            confirmation_message?: string | null;
            /** Confirmation Subject */
            confirmation_subject?: string | null;
            /**
             * Duplicate Policy
             * @description A submission with the email of an existing lead: `flag` (default) creates the lead and puts the pair in the duplicates review queue, `merge` adds the submission to the existing lead (fills its empty fields; no new lead), `create` only creates it. Probable duplicates (typos, another address) are flagged for review in every case.
             * @example flag
             */
            duplicate_policy?: ("flag" | "merge" | "create") | null;
            /**
             * Honeypot Field
             * @description A field hidden from people; bots that fill it are ignored
             */
            honeypot_field?: string | null;
            /** Is Active */
            is_active?: boolean | null;
            /**
             * Min Fill Seconds
             * @description Submissions faster than this are refused (0: off)
             */
            min_fill_seconds?: number | null;
            /**
             * Name
             * @example Contact us
             */
            name?: string | null;
            /**
             * Notify Emails
             * @description Told of each submission (default: the lead's owner)
             */
            notify_emails?: string[] | null;
            /**
             * Redirect Url
             * @description Where a plain HTML form post is sent after success (303)
             * @example https://www.example.com/thanks
             */
            redirect_url?: string | null;
            /**
             * Required Fields
             * @example [
             *       "email"
             *     ]
             */
            required_fields?: string[] | null;
            /**
             * Send Confirmation
             * @description Email the prospect a confirmation
             */
            send_confirmation?: boolean | null;
            /**
             * Tags
             * @description Given to every lead
             */
            tags?: string[] | null;
        };
        /** Funnel */
        Funnel: {
            /**
             * Lost
             * @description Leads in a lost stage now
             * @example 12
             */
            lost: number;
            range: components["schemas"]["DateRange"];
            /**
             * Steps
             * @description Open and won stages, in pipeline order
             */
            steps: components["schemas"]["FunnelStep"][];
            /**
             * Total
             * @description Leads created in the range
             * @example 130
             */
            total: number;
        };
        /** FunnelStep */
        FunnelStep: {
            /**
             * Conversion
             * @description reached / the previous step's reached (null for the first step or 0 before)
             * @example 0.5
             */
            conversion: number | null;
            /**
             * Current
             * @description Leads in this stage now
             * @example 40
             */
            current: number;
            /** @example open */
            kind: components["schemas"]["StageKind"];
            /**
             * Name
             * @example Qualified
             */
            name: string;
            /**
             * Reached
             * @description Leads that reached this stage or a later one, ever
             * @example 65
             */
            reached: number;
            /**
             * Stage Id
             * Format: uuid
             * @example 01a2015f-097d-7179-8c16-e7e291dcb4c4
             */
            stage_id: string;
        };
        /** Health */
        Health: {
            /**
             * Status
             * @example ok
             */
            status: string;
            /**
             * Version
             * @example 0.1.0
             */
            version: string;
        };
        /** ImportErrorRead */
        ImportErrorRead: {
            /**
             * Column
             * @example E-Mail
             */
            column: string | null;
            /**
             * Fatal
             * @description The row was not imported (else: only this value)
             */
            fatal: boolean;
            /**
             * Reason
             * @example An email address must have an @-sign.
             */
            reason: string;
            /**
             * Row Number
             * @description 1 = the first row below the header
             * @example 3
             */
            row_number: number;
            /**
             * Value
             * @example not-an-email
             */
            value: string | null;
        };
        /**
         * ImportMode
         * @enum {string}
         */
        ImportMode: "create" | "update" | "upsert";
        /** ImportOptions */
        ImportOptions: {
            /**
             * Check Probable
             * @description Flag new leads that look like existing ones (typos) for review
             * @default true
             */
            check_probable: boolean;
            /**
             * @description How 03/04/2026 is read
             * @default dmy
             */
            date_order: components["schemas"]["DateOrder"];
            /**
             * Default Region
             * @description Country (ISO code) for phone numbers without a prefix, when the row has none
             * @example DE
             */
            default_region?: string | null;
            /** @default fill_empty */
            duplicate_policy: components["schemas"]["DuplicatePolicy"];
            /**
             * Match On
             * @description Lead fields that together identify an existing lead (any of email, external_id, phone, first_name, last_name, company_name, website, city); default: the first of email, external_id and phone that the mapping fills
             * @example [
             *       "email"
             *     ]
             * @example [
             *       "external_id"
             *     ]
             * @example [
             *       "first_name",
             *       "last_name",
             *       "company_name"
             *     ]
             */
            match_on?: string[] | null;
            /** @default upsert */
            mode: components["schemas"]["ImportMode"];
            /**
             * Owner Id
             * @description Owner of every lead the import creates
             */
            owner_id?: string | null;
            /**
             * Stage Id
             * @description Stage of new leads (default: the first)
             */
            stage_id?: string | null;
            /**
             * Tags
             * @example [
             *       "fair-2026"
             *     ]
             */
            tags?: string[];
        };
        /** ImportPreview */
        ImportPreview: {
            /**
             * Dry Run
             * @description Read and decide every row, write nothing
             * @default false
             */
            dry_run: boolean;
            /**
             * Mapping
             * @description File column → lead field (`first_name`, `email`, ...), `custom:<key>`, or null to leave out; default: the suggested mapping
             * @example {
             *       "E-Mail": "email",
             *       "Firma": "company_name"
             *     }
             */
            mapping?: {
                [key: string]: string | null;
            } | null;
            options?: components["schemas"]["ImportOptions"];
            /**
             * Preset Id
             * @description Take mapping and options from a preset
             */
            preset_id?: string | null;
            /**
             * Rows
             * @description How many rows to show
             * @default 20
             */
            rows: number;
        };
        /** ImportRead */
        ImportRead: {
            /**
             * Columns
             * @example [
             *       "Vorname",
             *       "Nachname",
             *       "E-Mail",
             *       "Firma"
             *     ]
             */
            columns: string[];
            /**
             * Counts
             * @example {
             *       "created": 4000,
             *       "failed": 10,
             *       "read": 4200,
             *       "skipped": 40,
             *       "updated": 150
             *     }
             */
            counts?: {
                [key: string]: number;
            };
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By Id */
            created_by_id: string | null;
            /** Dry Run */
            dry_run: boolean;
            /** Error */
            error?: string | null;
            /**
             * File Format
             * @example xlsx
             */
            file_format: string;
            /**
             * File Name
             * @example messe-2026.xlsx
             */
            file_name: string;
            /** File Size */
            file_size: number;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Job Id */
            job_id: string | null;
            /** Mapping */
            mapping: {
                [key: string]: unknown;
            };
            /** Options */
            options: {
                [key: string]: unknown;
            };
            /**
             * Progress
             * @description Percent of the file read
             * @default 0
             * @example 42
             */
            progress: number;
            /** Revert Job Id */
            revert_job_id: string | null;
            /** Reverted At */
            reverted_at: string | null;
            /**
             * Status
             * @description uploaded, queued, running, succeeded, failed, cancelled, reverting, reverted
             * @example running
             */
            status: string;
        };
        /** ImportStart */
        ImportStart: {
            /**
             * Dry Run
             * @description Read and decide every row, write nothing
             * @default false
             */
            dry_run: boolean;
            /**
             * Mapping
             * @description File column → lead field (`first_name`, `email`, ...), `custom:<key>`, or null to leave out; default: the suggested mapping
             * @example {
             *       "E-Mail": "email",
             *       "Firma": "company_name"
             *     }
             */
            mapping?: {
                [key: string]: string | null;
            } | null;
            options?: components["schemas"]["ImportOptions"];
            /**
             * Preset Id
             * @description Take mapping and options from a preset
             */
            preset_id?: string | null;
        };
        /** ImportUploaded */
        ImportUploaded: {
            /**
             * Columns
             * @example [
             *       "Vorname",
             *       "Nachname",
             *       "E-Mail",
             *       "Firma"
             *     ]
             */
            columns: string[];
            /**
             * Counts
             * @example {
             *       "created": 4000,
             *       "failed": 10,
             *       "read": 4200,
             *       "skipped": 40,
             *       "updated": 150
             *     }
             */
            counts?: {
                [key: string]: number;
            };
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By Id */
            created_by_id: string | null;
            /** Dry Run */
            dry_run: boolean;
            /** Error */
            error?: string | null;
            /**
             * File Format
             * @example xlsx
             */
            file_format: string;
            /**
             * File Name
             * @example messe-2026.xlsx
             */
            file_name: string;
            /** File Size */
            file_size: number;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Job Id */
            job_id: string | null;
            /** Mapping */
            mapping: {
                [key: string]: unknown;
            };
            /** Options */
            options: {
                [key: string]: unknown;
            };
            /**
             * Progress
             * @description Percent of the file read
             * @default 0
             * @example 42
             */
            progress: number;
            /** Revert Job Id */
            revert_job_id: string | null;
            /** Reverted At */
            reverted_at: string | null;
            /**
             * Sample
             * @description The first rows as read
             */
            sample: {
                [key: string]: string;
            }[];
            /**
             * Status
             * @description uploaded, queued, running, succeeded, failed, cancelled, reverting, reverted
             * @example running
             */
            status: string;
            /** Suggestions */
            suggestions: components["schemas"]["SuggestionRead"][];
        };
        /** InvitationPreviewRead */
        InvitationPreviewRead: {
            /** Email */
            email: string;
            /**
             * Existing Account
             * @description The email has an account: joining takes its password, not a new one
             */
            existing_account: boolean;
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
            role: components["schemas"]["Role"];
            /**
             * Workspace Id
             * Format: uuid
             */
            workspace_id: string;
            /**
             * Workspace Name
             * @example Acme Sales
             */
            workspace_name: string;
        };
        /** InvitationRead */
        InvitationRead: {
            /**
             * Email
             * @example sam@acme.example
             */
            email: string;
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            role: components["schemas"]["Role"];
            /**
             * Token
             * @description Send it to the invitee; it is shown only this once.
             */
            token: string;
        };
        /** InvitationToken */
        InvitationToken: {
            /**
             * Token
             * @example kq2V7xPzR0b1mN8cT4sW9yL3fH6jD5aE2gU0iO7pQ1r
             */
            token: string;
        };
        /** JobRead */
        JobRead: {
            /** Attempts */
            attempts: number;
            /** Cancel Requested */
            cancel_requested: boolean;
            /** Counts */
            counts: {
                [key: string]: unknown;
            };
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By Id */
            created_by_id: string | null;
            /** Error */
            error: string | null;
            /** Finished At */
            finished_at: string | null;
            /** Heartbeat At */
            heartbeat_at: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @example notifications.email
             */
            kind: string;
            /**
             * Progress
             * @description Percent done
             * @example 40
             */
            progress: number;
            /** Result */
            result: {
                [key: string]: unknown;
            } | null;
            /** Started At */
            started_at: string | null;
            /** @example running */
            status: components["schemas"]["JobStatus"];
        };
        /**
         * JobStatus
         * @enum {string}
         */
        JobStatus: "queued" | "running" | "succeeded" | "failed" | "cancelled";
        /** LeadCreate */
        LeadCreate: {
            /** City */
            city?: string | null;
            /** Company Name */
            company_name?: string | null;
            /**
             * Country
             * @description ISO 3166 alpha-2
             */
            country?: string | null;
            /**
             * Custom Fields
             * @description Values by key of the workspace's custom fields (null removes one)
             */
            custom_fields?: {
                [key: string]: unknown;
            } | null;
            /** Do Not Contact */
            do_not_contact?: boolean | null;
            /**
             * Email
             * @example ada@example.com
             */
            email?: string | null;
            /**
             * External Id
             * @description The lead's id in the system it came from
             */
            external_id?: string | null;
            /**
             * First Name
             * @example Ada
             */
            first_name?: string | null;
            /** Job Title */
            job_title?: string | null;
            /**
             * Last Name
             * @example Lovelace
             */
            last_name?: string | null;
            lifecycle?: components["schemas"]["Lifecycle"] | null;
            /** Owner Id */
            owner_id?: string | null;
            /**
             * Phone
             * @example +44 20 7946 0958
             */
            phone?: string | null;
            /** @default manual */
            source: components["schemas"]["LeadSource"];
            /** Source Details */
            source_details?: {
                [key: string]: unknown;
            } | null;
            /**
             * Stage Id
             * @description Default: the first open stage
             */
            stage_id?: string | null;
            /** Tags */
            tags?: string[] | null;
            /** Utm Campaign */
            utm_campaign?: string | null;
            /** Utm Content */
            utm_content?: string | null;
            /** Utm Medium */
            utm_medium?: string | null;
            /** Utm Source */
            utm_source?: string | null;
            /** Utm Term */
            utm_term?: string | null;
            /**
             * Value
             * @description Deal value in cents
             */
            value?: number | null;
            /** Website */
            website?: string | null;
        };
        /**
         * LeadDetailRead
         * @description One lead as its page shows it: the list's fields plus what enrichment found (kept out
         *     of list rows, which stay narrow).
         */
        LeadDetailRead: {
            /** City */
            city: string | null;
            /** Company Id */
            company_id: string | null;
            /** Company Name */
            company_name: string | null;
            /**
             * Consents
             * @description By purpose: {granted, at, source}
             * @example {
             *       "marketing_email": {
             *         "at": "2026-11-22T09:00:00Z",
             *         "granted": true
             *       }
             *     }
             */
            consents: {
                [key: string]: unknown;
            };
            /** Country */
            country: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Custom Fields */
            custom_fields: {
                [key: string]: unknown;
            };
            /** Deleted At */
            deleted_at: string | null;
            /** Do Not Contact */
            do_not_contact: boolean;
            /** Email */
            email: string | null;
            /** Email Normalized */
            email_normalized: string | null;
            /** Enriched At */
            enriched_at: string | null;
            /**
             * Enrichment
             * @description Values enrichment found, by field: `value`, `applied` (whether the field took it), `at`, and the provenance (`provider`, `source`, `method`, ...)
             * @example {
             *       "job_title": {
             *         "applied": true,
             *         "method": "card",
             *         "provider": "website",
             *         "source": "https://acme.io/team",
             *         "value": "CTO"
             *       }
             *     }
             */
            enrichment: {
                [key: string]: unknown;
            };
            /** External Id */
            external_id: string | null;
            /** First Name */
            first_name: string;
            /** Form Id */
            form_id: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Job Title */
            job_title: string | null;
            /** Last Name */
            last_name: string;
            lifecycle: components["schemas"]["Lifecycle"];
            /** Lost Reason */
            lost_reason: string | null;
            /** Owner Id */
            owner_id: string | null;
            /** Phone E164 */
            phone_e164: string | null;
            /** Phone Raw */
            phone_raw: string | null;
            /** Score */
            score: number | null;
            source: components["schemas"]["LeadSource"];
            /** Source Details */
            source_details: {
                [key: string]: unknown;
            };
            /** Stage Changed At */
            stage_changed_at: string | null;
            /** Stage Id */
            stage_id: string | null;
            /** Tags */
            tags: string[];
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Utm Campaign */
            utm_campaign: string | null;
            /** Utm Content */
            utm_content: string | null;
            /** Utm Medium */
            utm_medium: string | null;
            /** Utm Source */
            utm_source: string | null;
            /** Utm Term */
            utm_term: string | null;
            /** Value */
            value: number | null;
            /** Verification Status */
            verification_status: string | null;
            /** Website */
            website: string | null;
        };
        /** LeadRead */
        LeadRead: {
            /** City */
            city: string | null;
            /** Company Id */
            company_id: string | null;
            /** Company Name */
            company_name: string | null;
            /**
             * Consents
             * @description By purpose: {granted, at, source}
             * @example {
             *       "marketing_email": {
             *         "at": "2026-11-22T09:00:00Z",
             *         "granted": true
             *       }
             *     }
             */
            consents: {
                [key: string]: unknown;
            };
            /** Country */
            country: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Custom Fields */
            custom_fields: {
                [key: string]: unknown;
            };
            /** Deleted At */
            deleted_at: string | null;
            /** Do Not Contact */
            do_not_contact: boolean;
            /** Email */
            email: string | null;
            /** Email Normalized */
            email_normalized: string | null;
            /** External Id */
            external_id: string | null;
            /** First Name */
            first_name: string;
            /** Form Id */
            form_id: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Job Title */
            job_title: string | null;
            /** Last Name */
            last_name: string;
            lifecycle: components["schemas"]["Lifecycle"];
            /** Lost Reason */
            lost_reason: string | null;
            /** Owner Id */
            owner_id: string | null;
            /** Phone E164 */
            phone_e164: string | null;
            /** Phone Raw */
            phone_raw: string | null;
            /** Score */
            score: number | null;
            source: components["schemas"]["LeadSource"];
            /** Source Details */
            source_details: {
                [key: string]: unknown;
            };
            /** Stage Changed At */
            stage_changed_at: string | null;
            /** Stage Id */
            stage_id: string | null;
            /** Tags */
            tags: string[];
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Utm Campaign */
            utm_campaign: string | null;
            /** Utm Content */
            utm_content: string | null;
            /** Utm Medium */
            utm_medium: string | null;
            /** Utm Source */
            utm_source: string | null;
            /** Utm Term */
            utm_term: string | null;
            /** Value */
            value: number | null;
            /** Verification Status */
            verification_status: string | null;
            /** Website */
            website: string | null;
        };
        /**
         * LeadSource
         * @enum {string}
         */
        LeadSource: "form" | "email" | "import" | "api" | "crawl" | "manual";
        /** LeadsOverTime */
        LeadsOverTime: {
            /**
             * Bucket
             * @example week
             * @enum {string}
             */
            bucket: "day" | "week" | "month";
            /**
             * Periods
             * @description Every bucket of the range, empty ones too
             */
            periods: components["schemas"]["PeriodCount"][];
            range: components["schemas"]["DateRange"];
            /**
             * Sources
             * @description Sources seen in the range, most leads first
             * @example [
             *       "form",
             *       "import"
             *     ]
             */
            sources: components["schemas"]["LeadSource"][];
        };
        /** LeadSummary */
        LeadSummary: {
            /** City */
            city: string | null;
            /** Company Name */
            company_name: string | null;
            /** Country */
            country: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Deleted At */
            deleted_at: string | null;
            /**
             * Email
             * @example ada@analytical-engines.co.uk
             */
            email: string | null;
            /**
             * First Name
             * @example Ada
             */
            first_name: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Job Title */
            job_title: string | null;
            /**
             * Last Name
             * @example Lovelace
             */
            last_name: string;
            /** Merged Into Id */
            merged_into_id: string | null;
            /** Phone E164 */
            phone_e164: string | null;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** LeadUpdate */
        LeadUpdate: {
            /** City */
            city?: string | null;
            /** Company Name */
            company_name?: string | null;
            /**
             * Country
             * @description ISO 3166 alpha-2
             */
            country?: string | null;
            /**
             * Custom Fields
             * @description Values by key of the workspace's custom fields (null removes one)
             */
            custom_fields?: {
                [key: string]: unknown;
            } | null;
            /** Do Not Contact */
            do_not_contact?: boolean | null;
            /**
             * Email
             * @example ada@example.com
             */
            email?: string | null;
            /**
             * External Id
             * @description The lead's id in the system it came from
             */
            external_id?: string | null;
            /**
             * First Name
             * @example Ada
             */
            first_name?: string | null;
            /** Job Title */
            job_title?: string | null;
            /**
             * Last Name
             * @example Lovelace
             */
            last_name?: string | null;
            lifecycle?: components["schemas"]["Lifecycle"] | null;
            /**
             * Phone
             * @example +44 20 7946 0958
             */
            phone?: string | null;
            /** Source Details */
            source_details?: {
                [key: string]: unknown;
            } | null;
            /** Tags */
            tags?: string[] | null;
            /** Utm Campaign */
            utm_campaign?: string | null;
            /** Utm Content */
            utm_content?: string | null;
            /** Utm Medium */
            utm_medium?: string | null;
            /** Utm Source */
            utm_source?: string | null;
            /** Utm Term */
            utm_term?: string | null;
            /**
             * Value
             * @description Deal value in cents
             */
            value?: number | null;
            /** Website */
            website?: string | null;
        };
        /** LeadVerifyRequest */
        LeadVerifyRequest: {
            /**
             * Smtp
             * @description Ask the mail servers (false: syntax, lists, DNS)
             * @default true
             * @example true
             */
            smtp: boolean;
        };
        /**
         * Lifecycle
         * @enum {string}
         */
        Lifecycle: "subscriber" | "lead" | "mql" | "sql" | "opportunity" | "customer" | "disqualified";
        /** ListEnvelope[ActivityRead] */
        ListEnvelope_ActivityRead_: {
            /** Data */
            data: components["schemas"]["ActivityRead"][];
            /** Message */
            message?: string | null;
            meta: components["schemas"]["PageMeta"];
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** ListEnvelope[AttachmentRead] */
        ListEnvelope_AttachmentRead_: {
            /** Data */
            data: components["schemas"]["AttachmentRead"][];
            /** Message */
            message?: string | null;
            meta: components["schemas"]["PageMeta"];
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** ListEnvelope[CandidateRead] */
        ListEnvelope_CandidateRead_: {
            /** Data */
            data: components["schemas"]["CandidateRead"][];
            /** Message */
            message?: string | null;
            meta: components["schemas"]["PageMeta"];
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** ListEnvelope[CompanyRead] */
        ListEnvelope_CompanyRead_: {
            /** Data */
            data: components["schemas"]["CompanyRead"][];
            /** Message */
            message?: string | null;
            meta: components["schemas"]["PageMeta"];
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** ListEnvelope[CrawlSummary] */
        ListEnvelope_CrawlSummary_: {
            /** Data */
            data: components["schemas"]["CrawlSummary"][];
            /** Message */
            message?: string | null;
            meta: components["schemas"]["PageMeta"];
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** ListEnvelope[FormRead] */
        ListEnvelope_FormRead_: {
            /** Data */
            data: components["schemas"]["FormRead"][];
            /** Message */
            message?: string | null;
            meta: components["schemas"]["PageMeta"];
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** ListEnvelope[ImportErrorRead] */
        ListEnvelope_ImportErrorRead_: {
            /** Data */
            data: components["schemas"]["ImportErrorRead"][];
            /** Message */
            message?: string | null;
            meta: components["schemas"]["PageMeta"];
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** ListEnvelope[ImportRead] */
        ListEnvelope_ImportRead_: {
            /** Data */
            data: components["schemas"]["ImportRead"][];
            /** Message */
            message?: string | null;
            meta: components["schemas"]["PageMeta"];
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** ListEnvelope[JobRead] */
        ListEnvelope_JobRead_: {
            /** Data */
            data: components["schemas"]["JobRead"][];
            /** Message */
            message?: string | null;
            meta: components["schemas"]["PageMeta"];
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** ListEnvelope[LeadRead] */
        ListEnvelope_LeadRead_: {
            /** Data */
            data: components["schemas"]["LeadRead"][];
            /** Message */
            message?: string | null;
            meta: components["schemas"]["PageMeta"];
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** ListEnvelope[MemberRead] */
        ListEnvelope_MemberRead_: {
            /** Data */
            data: components["schemas"]["MemberRead"][];
            /** Message */
            message?: string | null;
            meta: components["schemas"]["PageMeta"];
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** ListEnvelope[MergeRead] */
        ListEnvelope_MergeRead_: {
            /** Data */
            data: components["schemas"]["MergeRead"][];
            /** Message */
            message?: string | null;
            meta: components["schemas"]["PageMeta"];
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
        };
        /** ManualValue */
        ManualValue: {
            /**
             * Value
             * @description Typed by the user; checked like the leads API checks it
             */
            value: unknown;
        };
        /** MemberAdded */
        MemberAdded: {
            /** @description Set for a new user */
            invitation?: components["schemas"]["InvitationRead"] | null;
            /** @description Set when the user already existed */
            member?: components["schemas"]["MemberRead"] | null;
        };
        /** MemberCreate */
        MemberCreate: {
            /**
             * Email
             * Format: email
             * @example sam@acme.example
             */
            email: string;
            /**
             * @default sales
             * @example sales
             */
            role: components["schemas"]["Role"];
        };
        /**
         * MemberRead
         * @description Read off a Membership (with its user loaded).
         */
        MemberRead: {
            /**
             * Email
             * @example sam@acme.example
             */
            email: string;
            /** Full Name */
            full_name: string;
            /**
             * Joined At
             * Format: date-time
             */
            joined_at: string;
            role: components["schemas"]["Role"];
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** MemberUpdate */
        MemberUpdate: {
            /** @example manager */
            role: components["schemas"]["Role"];
        };
        /** MeRead */
        MeRead: {
            /** Active Workspace Id */
            active_workspace_id: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Email
             * @example sam@acme.example
             */
            email: string;
            /**
             * Full Name
             * @example Sam Seller
             */
            full_name: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Is Active */
            is_active: boolean;
            /** Last Login At */
            last_login_at: string | null;
            /** Permissions */
            permissions: string[];
            role: components["schemas"]["Role"] | null;
            /** Workspaces */
            workspaces: components["schemas"]["WorkspaceWithRole"][];
        };
        /** MergeCreate */
        MergeCreate: {
            /**
             * Default
             * @description For fields not named: the survivor's value unless empty (`survivor_first`), the most recently updated lead's, or the longest
             * @default survivor_first
             * @enum {string}
             */
            default: "survivor_first" | "most_recent" | "most_complete";
            /**
             * Fields
             * @description Per field (`first_name`, `email`, `phone`, `stage`, `owner_id`, `custom_fields.<key>`, ...): `most_recent`, `most_complete`, `survivor_first`, the id of one of the leads, or {"value": ...}
             * @example {
             *       "email": "most_recent",
             *       "first_name": {
             *         "value": "Ada"
             *       },
             *       "job_title": "0193a5c2-7d1e-7c4b-9f00-3b6d2a8e4f10"
             *     }
             */
            fields?: {
                [key: string]: string | components["schemas"]["ManualValue"];
            };
            /**
             * Merged Ids
             * @example [
             *       "0193a5c2-81aa-7f02-8c11-5d2e9b7a6c01"
             *     ]
             */
            merged_ids: string[];
            /**
             * Survivor Id
             * Format: uuid
             * @example 0193a5c2-7d1e-7c4b-9f00-3b6d2a8e4f10
             */
            survivor_id: string;
        };
        /** MergeRead */
        MergeRead: {
            /** Actor Id */
            actor_id: string | null;
            /**
             * Before
             * @description Every lead of the merge as it was: each column and its tags
             */
            before: {
                [key: string]: unknown;
            };
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Fields
             * @description Per field: the choice, the lead it came from and the value
             * @example {
             *       "email": {
             *         "choice": "most_recent",
             *         "lead_id": "0193a5c2-7d1e-7c4b-9f00-3b6d2a8e4f10",
             *         "value": "a@x.io"
             *       }
             *     }
             */
            fields: {
                [key: string]: unknown;
            };
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Merged Ids */
            merged_ids: string[];
            /**
             * Moved
             * @description Activities and attachments moved (id: lead it came from), tags added, and the pairs the merge closed with their state before
             * @example {
             *       "activities": {
             *         "0193a5c2-7d1e-7c4b-9f00-3b6d2a8e4f10": "0193a5c2-7d1e-7c4b-9f00-3b6d2a8e4f10"
             *       },
             *       "attachments": {},
             *       "tags": [
             *         "vip"
             *       ]
             *     }
             */
            moved: {
                [key: string]: unknown;
            };
            /**
             * Survivor Id
             * Format: uuid
             */
            survivor_id: string;
            /** Undone At */
            undone_at: string | null;
            /** Undone By Id */
            undone_by_id: string | null;
        };
        /** MeUpdate */
        MeUpdate: {
            /** Current Password */
            current_password?: string | null;
            /**
             * Full Name
             * @example Sam Seller
             */
            full_name?: string | null;
            /** New Password */
            new_password?: string | null;
        };
        /** MxRead */
        MxRead: {
            /** Host */
            host: string;
            /** Preference */
            preference: number;
        };
        /** NotificationOptions */
        NotificationOptions: {
            /**
             * Lead Assigned
             * @description Email a lead's new owner when it is assigned to them (by someone else)
             * @default true
             */
            lead_assigned: boolean;
            /**
             * New Lead
             * @description Email a form's recipients (or the lead's owner) about each submission; the confirmation to the person who submitted is the form's own option
             * @default true
             */
            new_lead: boolean;
        };
        /**
         * NotificationOptionsUpdate
         * @description Only the options given change; `true` or `false`, nothing else.
         */
        NotificationOptionsUpdate: {
            /** Lead Assigned */
            lead_assigned?: boolean | null;
            /** New Lead */
            new_lead?: boolean | null;
        };
        /** PageMeta */
        PageMeta: {
            /** Limit */
            limit: number;
            /** Next Cursor */
            next_cursor: string | null;
        };
        /** PendingInvitationRead */
        PendingInvitationRead: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Email
             * @example sam@acme.example
             */
            email: string;
            /**
             * Expired
             * @description Past its date: send it again for a new link.
             */
            readonly expired: boolean;
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Invited By Id */
            invited_by_id: string | null;
            role: components["schemas"]["Role"];
        };
        /** PeriodCount */
        PeriodCount: {
            /**
             * By Source
             * @example {
             *       "form": 8,
             *       "import": 4
             *     }
             */
            by_source: {
                [key: string]: number;
            };
            /**
             * Period
             * Format: date
             * @description First day of the bucket
             * @example 2026-11-02
             */
            period: string;
            /**
             * Total
             * @example 12
             */
            total: number;
        };
        /**
         * Permission
         * @enum {string}
         */
        Permission: "workspace:read" | "workspace:update" | "workspace:delete" | "members:read" | "members:manage" | "api_keys:manage" | "jobs:read" | "leads:read" | "leads:write" | "leads:delete" | "leads:hard_delete" | "leads:assign" | "leads:import" | "leads:export" | "leads:merge" | "prospect:run" | "settings:manage" | "integrations:manage" | "analytics:read" | "gdpr:manage";
        /** PresetRead */
        PresetRead: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Mapping */
            mapping: {
                [key: string]: unknown;
            };
            /**
             * Name
             * @example Trade fair scanner
             */
            name: string;
            /** Options */
            options: {
                [key: string]: unknown;
            };
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** PresetWrite */
        PresetWrite: {
            /**
             * Mapping
             * @example {
             *       "E-Mail": "email",
             *       "Firma": "company_name"
             *     }
             */
            mapping: {
                [key: string]: string | null;
            };
            /**
             * Name
             * @example Trade fair scanner
             */
            name: string;
            options?: components["schemas"]["ImportOptions"];
        };
        /** PreviewCell */
        PreviewCell: {
            /** Column */
            column: string | null;
            /** Fatal */
            fatal: boolean;
            /** Reason */
            reason: string;
            /** Value */
            value: string | null;
        };
        /** PreviewRead */
        PreviewRead: {
            /**
             * Counts
             * @example {
             *       "create": 17,
             *       "fail": 1,
             *       "update": 2
             *     }
             */
            counts: {
                [key: string]: number;
            };
            /** Mapping */
            mapping: {
                [key: string]: string | null;
            };
            /**
             * Problems
             * @description Problems with the mapping or options themselves
             */
            problems: string[];
            /** Rows */
            rows: components["schemas"]["PreviewRow"][];
        };
        /** PreviewRow */
        PreviewRow: {
            /** Custom Fields */
            custom_fields?: {
                [key: string]: unknown;
            };
            /** @example update */
            decision: components["schemas"]["Decision"];
            /**
             * Fields
             * @example {
             *       "country": "GB",
             *       "email": "ada@example.com"
             *     }
             */
            fields: {
                [key: string]: unknown;
            };
            /**
             * Lead Id
             * @description The lead it updates, skips or resembles
             */
            lead_id?: string | null;
            /**
             * Probability
             * @description For `review`: how alike they are
             */
            probability?: number | null;
            /** Problems */
            problems?: components["schemas"]["PreviewCell"][];
            /**
             * Row
             * @description 1 = the first row below the header
             * @example 1
             */
            row: number;
            /** Tags */
            tags?: string[];
        };
        /**
         * PublicFormRead
         * @description What a page needs to render the form.
         */
        PublicFormRead: {
            /** Accept Files */
            accept_files: boolean;
            /**
             * Fields
             * @example [
             *       "first_name",
             *       "email",
             *       "message"
             *     ]
             */
            fields: string[];
            /** Honeypot Field */
            honeypot_field: string | null;
            /**
             * Name
             * @example Contact us
             */
            name: string;
            /**
             * Public Id
             * @example f_3kT9xQ2mLp8vR4sW
             */
            public_id: string;
            /**
             * Render Token
             * @description Send back as `_rt` (proves the form was shown, and when)
             */
            render_token: string;
            /** Required Fields */
            required_fields: string[];
            /** Submit Url */
            submit_url: string;
        };
        /**
         * PublicLeadRead
         * @description What the prospect may see of their submission: the form's fields, nothing internal.
         */
        PublicLeadRead: {
            /**
             * Fields
             * @example {
             *       "email": "ada@analytical-engines.co.uk",
             *       "phone": "+44 20 7946 0958"
             *     }
             */
            fields: {
                [key: string]: unknown;
            };
            /**
             * Lead Id
             * Format: uuid
             */
            lead_id: string;
        };
        /** Readiness */
        Readiness: {
            /** Checks */
            checks: {
                [key: string]: {
                    [key: string]: unknown;
                };
            };
            /**
             * Status
             * @example ok
             */
            status: string;
        };
        /** RefreshRequest */
        RefreshRequest: {
            /**
             * Refresh Token
             * @description Omit in cookie mode: the cookie carries it
             * @example x3QET4gIztiuP2DMmRbJKvQl4PAPd1WpWsYnTEjo27o
             */
            refresh_token?: string | null;
        };
        /**
         * Role
         * @enum {string}
         */
        Role: "owner" | "admin" | "manager" | "sales" | "viewer";
        /** SavedViewCreate */
        SavedViewCreate: {
            /**
             * Columns
             * @description Visible columns; null keeps the viewer's own
             */
            columns?: string[] | null;
            /**
             * Name
             * @example My hot leads
             */
            name: string;
            /**
             * Query
             * @description The leads page's URL query: q, stage, owner, source, tag, score_min, score_max, verification, from, to, sort
             * @default
             * @example stage=01a2015f-097d-7179-8c16-e7e291dcb4c4&sort=-updated_at
             */
            query: string;
            /**
             * Shared
             * @description Every member of the workspace sees it
             * @default false
             */
            shared: boolean;
        };
        /** SavedViewRead */
        SavedViewRead: {
            /** Columns */
            columns: string[] | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Name
             * @example My hot leads
             */
            name: string;
            /**
             * Query
             * @example stage=01a2015f-097d-7179-8c16-e7e291dcb4c4&sort=-updated_at
             */
            query: string;
            /** Shared */
            shared: boolean;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * User Id
             * Format: uuid
             * @description Who saved it (only they may change it)
             */
            user_id: string;
        };
        /** SavedViewUpdate */
        SavedViewUpdate: {
            /** Columns */
            columns?: string[] | null;
            /**
             * Name
             * @example Hot leads, this week
             */
            name?: string | null;
            /** Query */
            query?: string | null;
            /** Shared */
            shared?: boolean | null;
        };
        /** ScanRequest */
        ScanRequest: {
            /**
             * Threshold
             * @description Propose pairs at least this probable (default 0.9)
             * @example 0.9
             */
            threshold?: number | null;
        };
        /** SetupRequest */
        SetupRequest: {
            /**
             * Email
             * Format: email
             * @example owner@example.com
             */
            email: string;
            /**
             * Full Name
             * @default
             * @example Ada Owner
             */
            full_name: string;
            /** Password */
            password: string;
            /**
             * Workspace Name
             * @example Acme Sales
             */
            workspace_name: string;
        };
        /** SetupResult */
        SetupResult: {
            tokens: components["schemas"]["TokenRead"];
            user: components["schemas"]["UserRead"];
            workspace: components["schemas"]["WorkspaceRead"];
        };
        /** SetupStatus */
        SetupStatus: {
            /**
             * Setup Required
             * @example true
             */
            setup_required: boolean;
        };
        /** SmtpRead */
        SmtpRead: {
            /**
             * Code
             * @description The reply code; null when no reply came
             */
            code: number | null;
            /**
             * Enhanced
             * @description The enhanced status code (RFC 3463)
             */
            enhanced: string | null;
            /**
             * Host
             * @description The MX host that answered
             */
            host: string;
            /** Message */
            message: string;
        };
        /**
         * SmtpStatusRead
         * @description How emails leave this server for this workspace. The SMTP login is never shown.
         */
        SmtpStatusRead: {
            /**
             * Authenticated
             * @description The server signs in to the SMTP server
             */
            authenticated: boolean;
            /**
             * Configured
             * @description An SMTP server is set; without one, nothing is sent
             */
            configured: boolean;
            /**
             * Default Sender
             * @description The server's sender (LEADWISE_SMTP__FROM_ADDRESS)
             * @example Leadwise <leadwise@example.com>
             */
            default_sender: string;
            /**
             * Host
             * @example smtp.example.com
             */
            host: string | null;
            /**
             * Port
             * @example 587
             */
            port: number | null;
            /**
             * Security
             * @description starttls, tls or none
             * @example starttls
             */
            security: string;
            /**
             * Sender
             * @description What the workspace's emails come from
             * @example Acme Sales <sales@acme.example>
             */
            sender: string;
            /**
             * Workspace Sender
             * @description The workspace's own sender, if it has one
             * @example Acme Sales <sales@acme.example>
             */
            workspace_sender: string | null;
        };
        /** SourceConversion */
        SourceConversion: {
            /**
             * Conversion
             * @description won / total
             * @example 0.15
             */
            conversion: number;
            /** @example form */
            source: components["schemas"]["LeadSource"];
            /**
             * Total
             * @example 40
             */
            total: number;
            /**
             * Won
             * @example 6
             */
            won: number;
        };
        /** SourcesReport */
        SourcesReport: {
            range: components["schemas"]["DateRange"];
            /**
             * Sources
             * @description Best conversion first (then most leads)
             */
            sources: components["schemas"]["SourceConversion"][];
        };
        /** StageAgeing */
        StageAgeing: {
            /** Buckets */
            buckets: components["schemas"]["AgeingBucket"][];
            /**
             * Count
             * @example 14
             */
            count: number;
            /** @example open */
            kind: components["schemas"]["StageKind"];
            /**
             * Name
             * @example Contacted
             */
            name: string;
            /**
             * Oldest Days
             * @description Whole days the longest-waiting lead has been in this stage
             * @example 41
             */
            oldest_days: number | null;
            /**
             * Stage Id
             * Format: uuid
             * @example 01a2015f-097d-7179-8c16-e7e291dcb4c4
             */
            stage_id: string;
        };
        /** StageCreate */
        StageCreate: {
            /**
             * Color
             * @example #3b82f6
             */
            color?: string | null;
            /** @default open */
            kind: components["schemas"]["StageKind"];
            /**
             * Name
             * @example Demo booked
             */
            name: string;
        };
        /**
         * StageKind
         * @enum {string}
         */
        StageKind: "open" | "won" | "lost";
        /** StageMove */
        StageMove: {
            /**
             * Lost Reason
             * @description Required for a lost stage
             * @example Chose a competitor
             */
            lost_reason?: string | null;
            /**
             * Stage Id
             * Format: uuid
             * @example 01a2015f-097d-7179-8c16-e7e291dcb4c4
             */
            stage_id: string;
        };
        /** StageOrder */
        StageOrder: {
            /**
             * Stage Ids
             * @description Every stage of the workspace, in the new order
             * @example [
             *       "01a2015f-097d-7179-8c16-e7e291dcb4c4",
             *       "01a2015f-097d-7179-8c16-e7e291dcb4c5"
             *     ]
             */
            stage_ids: string[];
        };
        /** StageRead */
        StageRead: {
            /**
             * Color
             * @example #3b82f6
             */
            color: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** @example open */
            kind: components["schemas"]["StageKind"];
            /**
             * Name
             * @example Qualified
             */
            name: string;
            /**
             * Position
             * @example 2
             */
            position: number;
        };
        /**
         * StageSummary
         * @description One column of the pipeline board: its leads and their total value.
         */
        StageSummary: {
            /**
             * Count
             * @example 42
             */
            count: number;
            /**
             * Stage Id
             * @description null: leads without a stage
             */
            stage_id: string | null;
            /**
             * Value
             * @description Sum of the leads' value (0 when none has one)
             * @example 0
             */
            value: number;
        };
        /** StageUpdate */
        StageUpdate: {
            /** Color */
            color?: string | null;
            kind?: components["schemas"]["StageKind"] | null;
            /**
             * Name
             * @example Discovery call
             */
            name?: string | null;
        };
        /** StatusCount */
        StatusCount: {
            /**
             * Count
             * @example 52
             */
            count: number;
            /**
             * Status
             * @description A verification status, or `unverified` for none yet
             * @example valid
             */
            status: string;
        };
        /** SubmitResult */
        SubmitResult: {
            /**
             * Edit Token
             * @description Send as `X-Edit-Token` to correct this submission with PUT /public/leads/{id}
             * @example pZ1wq7mYk2Q0cV8nT3rB6xL9sD4fH5jA0gE2uI7oP1e
             */
            edit_token: string;
            /**
             * Edit Token Expires At
             * Format: date-time
             */
            edit_token_expires_at: string;
            /**
             * Lead Id
             * Format: uuid
             */
            lead_id: string;
            /** Redirect Url */
            redirect_url?: string | null;
        };
        /** SuggestionRead */
        SuggestionRead: {
            /**
             * Column
             * @example E-Mail
             */
            column: string;
            /**
             * Reason
             * @example synonym
             */
            reason: string;
            /**
             * Target
             * @example email
             */
            target: string | null;
        };
        /**
         * TestEmailRead
         * @description The server took the email; whether it reaches the inbox is up to the receiving side.
         */
        TestEmailRead: {
            /**
             * Message Id
             * @example <173.1.2@acme.example>
             */
            message_id: string;
            /**
             * Sender
             * @example Acme Sales <sales@acme.example>
             */
            sender: string;
            /**
             * Subject
             * @example Test email from Leadwise (Acme Sales)
             */
            subject: string;
            /**
             * To
             * @example owner@acme.example
             */
            to: string;
        };
        /** TestEmailRequest */
        TestEmailRequest: {
            /**
             * To
             * Format: email
             * @example owner@acme.example
             */
            to: string;
        };
        /**
         * TokenEnvelope
         * @description The envelope, plus the RFC 6749 fields at top level so OAuth2 clients (and the
         *     Authorize button of /docs) read the token where they expect it.
         */
        TokenEnvelope: {
            /** Access Token */
            access_token: string;
            data: components["schemas"]["TokenRead"];
            /** Expires In */
            expires_in: number;
            /** Message */
            message?: string | null;
            /** Refresh Token */
            refresh_token: string | null;
            /**
             * Success
             * @default true
             */
            success: boolean;
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp?: string;
            /**
             * Token Type
             * @default bearer
             */
            token_type: string;
        };
        /** TokenRead */
        TokenRead: {
            /**
             * Access Token
             * @example eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOi…
             */
            access_token: string;
            /**
             * Expires In
             * @description Seconds until the access token expires
             */
            expires_in: number;
            /** Refresh Expires In */
            refresh_expires_in: number;
            /**
             * Refresh Token
             * @description null in cookie mode (`X-Session-Mode: cookie`): it is in an httpOnly cookie
             */
            refresh_token: string | null;
            /**
             * Token Type
             * @default bearer
             */
            token_type: string;
        };
        /** UndoRequest */
        UndoRequest: {
            /**
             * Force
             * @description Undo even though the surviving lead changed since the merge (the changes are lost)
             * @default false
             * @example false
             */
            force: boolean;
        };
        /** UserRead */
        UserRead: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Email
             * @example sam@acme.example
             */
            email: string;
            /**
             * Full Name
             * @example Sam Seller
             */
            full_name: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Is Active */
            is_active: boolean;
            /** Last Login At */
            last_login_at: string | null;
        };
        /** VerificationBreakdown */
        VerificationBreakdown: {
            range: components["schemas"]["DateRange"];
            /**
             * Statuses
             * @description Most leads first
             */
            statuses: components["schemas"]["StatusCount"][];
            /**
             * Total
             * @example 80
             */
            total: number;
        };
        /** VerificationRead */
        VerificationRead: {
            /**
             * Checked At
             * Format: date-time
             */
            checked_at: string;
            /** Duration Ms */
            duration_ms: number;
            /** Email */
            email: string;
            /** Is Catch All */
            is_catch_all: boolean | null;
            /** Is Disposable */
            is_disposable: boolean;
            /** Is Free */
            is_free: boolean;
            /** Is Role */
            is_role: boolean;
            /** Mx */
            mx: components["schemas"]["MxRead"][];
            /** Normalized */
            normalized: string | null;
            /**
             * Reason
             * @description The verdict in one sentence
             */
            reason: string;
            /** Score */
            score: number;
            smtp: components["schemas"]["SmtpRead"] | null;
            /**
             * Status
             * @enum {string}
             */
            status: "valid" | "invalid" | "accept_all" | "disposable" | "unknown";
            /**
             * Sub Status
             * @description See docs/verification.md
             * @example accepted
             */
            sub_status: string;
            /**
             * Suggestion
             * @description The address with the likely intended domain
             */
            suggestion: string | null;
        };
        /** VerifyRequest */
        VerifyRequest: {
            /**
             * Email
             * @example jane.doe@acme.io
             */
            email: string;
            /**
             * Smtp
             * @description Ask the mail servers (false: syntax, lists, DNS)
             * @default true
             */
            smtp: boolean;
        };
        /** WorkspaceCreate */
        WorkspaceCreate: {
            /**
             * Name
             * @example Acme EMEA
             */
            name: string;
        };
        /** WorkspaceRead */
        WorkspaceRead: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Deleted At */
            deleted_at?: string | null;
            /**
             * Email From
             * @description Sender of the workspace's emails (default: the server's)
             */
            email_from?: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Name
             * @example Acme Sales
             */
            name: string;
            notifications?: components["schemas"]["NotificationOptions"];
        };
        /** WorkspaceUpdate */
        WorkspaceUpdate: {
            /**
             * Email From
             * @example Acme Sales <sales@acme.example>
             */
            email_from?: string | null;
            /** Name */
            name?: string | null;
            /**
             * @example {
             *       "lead_assigned": false
             *     }
             */
            notifications?: components["schemas"]["NotificationOptionsUpdate"] | null;
        };
        /**
         * WorkspaceWithRole
         * @description Read off a Membership (with its workspace loaded).
         */
        WorkspaceWithRole: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Name
             * @example Acme Sales
             */
            name: string;
            role: components["schemas"]["Role"];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    funnel_api_v1_analytics_funnel_get: {
        parameters: {
            query?: {
                /** @description Last day (UTC), included [default: today] */
                end?: string | null;
                /** @description First day (UTC), included [default: 29 days before `end`] */
                start?: string | null;
            };
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_Funnel_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    leads_over_time_api_v1_analytics_leads_over_time_get: {
        parameters: {
            query?: {
                /** @description Bucket size (weeks start on Monday) */
                bucket?: "day" | "week" | "month";
                /** @description Last day (UTC), included [default: today] */
                end?: string | null;
                /** @description First day (UTC), included [default: 29 days before `end`] */
                start?: string | null;
            };
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_LeadsOverTime_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    sources_api_v1_analytics_sources_get: {
        parameters: {
            query?: {
                /** @description Last day (UTC), included [default: today] */
                end?: string | null;
                /** @description First day (UTC), included [default: 29 days before `end`] */
                start?: string | null;
            };
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_SourcesReport_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    stage_ageing_api_v1_analytics_stage_ageing_get: {
        parameters: {
            query?: {
                /** @description Last day (UTC), included [default: today] */
                end?: string | null;
                /** @description First day (UTC), included [default: 29 days before `end`] */
                start?: string | null;
            };
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_Ageing_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    verification_api_v1_analytics_verification_get: {
        parameters: {
            query?: {
                /** @description Last day (UTC), included [default: today] */
                end?: string | null;
                /** @description First day (UTC), included [default: 29 days before `end`] */
                start?: string | null;
            };
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_VerificationBreakdown_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    list_api_keys_api_v1_api_keys_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_list_ApiKeyRead__"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    create_api_key_api_v1_api_keys_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_ApiKeyCreated_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    revoke_api_key_api_v1_api_keys__key_id__delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                key_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_ApiKeyRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    list_assignment_rules_api_v1_assignment_rules_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_list_AssignmentRuleRead__"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    create_assignment_rule_api_v1_assignment_rules_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignmentRuleCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_AssignmentRuleRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    delete_assignment_rule_api_v1_assignment_rules__rule_id__delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                rule_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_AssignmentRuleRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    update_assignment_rule_api_v1_assignment_rules__rule_id__patch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                rule_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignmentRuleUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_AssignmentRuleRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    delete_attachment_api_v1_attachments__attachment_id__delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                attachment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_AttachmentRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    download_attachment_api_v1_attachments__attachment_id__download_get: {
        parameters: {
            query?: {
                /** @description Display instead of download */
                inline?: boolean;
            };
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                attachment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": unknown;
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    accept_invite_api_v1_auth_accept_invite_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptInvitation"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenEnvelope"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    preview_invitation_api_v1_auth_invitation_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvitationToken"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_InvitationPreviewRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    login_api_v1_auth_login_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["Body_login_api_v1_auth_login_post"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenEnvelope"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    logout_api_v1_auth_logout_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_NoneType_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    refresh_api_v1_auth_refresh_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenEnvelope"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    list_companies_api_v1_companies_get: {
        parameters: {
            query?: {
                /** @description From `meta.next_cursor` */
                cursor?: string | null;
                /** @description Items per page */
                limit?: number;
                /** @description Name or domain */
                q?: string | null;
            };
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope_CompanyRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    create_company_api_v1_companies_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompanyCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_CompanyRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    read_company_api_v1_companies__company_id__get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_CompanyRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    delete_company_api_v1_companies__company_id__delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_CompanyRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    update_company_api_v1_companies__company_id__patch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompanyUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_CompanyRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    enrich_company_api_v1_companies__company_id__enrich_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EnrichRequest"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_JobRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    list_crawls_api_v1_crawls_get: {
        parameters: {
            query?: {
                /** @description From `meta.next_cursor` */
                cursor?: string | null;
                /** @description Items per page */
                limit?: number;
                status?: components["schemas"]["JobStatus"] | null;
            };
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope_CrawlSummary_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    start_crawl_api_v1_crawls_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CrawlRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_CrawlRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    read_crawl_api_v1_crawls__crawl_id__get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                crawl_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_CrawlRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    add_leads_api_v1_crawls__crawl_id__leads_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                crawl_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CrawlLeadsRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_CrawlLeadsRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    list_custom_fields_api_v1_custom_fields_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_list_CustomFieldRead__"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    create_custom_field_api_v1_custom_fields_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomFieldCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_CustomFieldRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    read_custom_field_api_v1_custom_fields__field_id__get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                field_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_CustomFieldRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    delete_custom_field_api_v1_custom_fields__field_id__delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                field_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_CustomFieldRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    update_custom_field_api_v1_custom_fields__field_id__patch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                field_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomFieldUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_CustomFieldRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    list_duplicates_api_v1_duplicates_get: {
        parameters: {
            query?: {
                /** @description From `meta.next_cursor` */
                cursor?: string | null;
                /** @description Pairs with this lead */
                lead_id?: string | null;
                /** @description Items per page */
                limit?: number;
                /** @description At least this probability */
                min_probability?: number;
                /** @description open, merged or rejected */
                status?: components["schemas"]["CandidateStatus"];
            };
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope_CandidateRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    accept_api_v1_duplicates__candidate_id__accept_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                candidate_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["AcceptRequest"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_MergeRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such pair, merge or lead in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The pair, a lead or the merge is not in a state to allow it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    reject_api_v1_duplicates__candidate_id__reject_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                candidate_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_CandidateRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such pair, merge or lead in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The pair, a lead or the merge is not in a state to allow it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    bulk_decide_api_v1_duplicates_bulk_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkDecision"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_BulkDecisionResult_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such pair, merge or lead in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    scan_api_v1_duplicates_scan_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ScanRequest"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_JobRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A scan is already queued or running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    events_api_v1_events_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Resume after this event */
                "Last-Event-ID"?: string | null;
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An endless stream of server-sent events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    create_export_api_v1_exports_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExportRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_JobRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    download_export_api_v1_exports__job_id__download_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export job's file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>[];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    /** @example {"first_name":"Ada","email":"ada@example.com","tags":["vip"]} */
                    "application/x-ndjson": unknown;
                    /**
                     * @example <?xml version="1.0" encoding="UTF-8"?>
                     *     <leads>
                     *       <lead><first_name>Ada</first_name><tags><tag>vip</tag></tags></lead>
                     *     </leads>
                     */
                    "application/xml": unknown;
                    /**
                     * @example first_name,email,tags
                     *     Ada,ada@example.com,vip;webinar
                     */
                    "text/csv": unknown;
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    export_fields_api_v1_exports_fields_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_ExportCatalogue_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    export_leads_api_v1_exports_leads_get: {
        parameters: {
            query?: {
                /** @description CSV only: start with a UTF-8 BOM (for Excel) */
                bom?: boolean;
                /** @description A company's leads */
                company_id?: string | null;
                created_from?: string | null;
                created_to?: string | null;
                /** @description Export the deleted leads (the bin) instead */
                deleted?: boolean;
                /** @description CSV only; `tab` (or a tab) for TSV */
                delimiter?: "," | ";" | "\t" | "|" | "tab";
                /** @description Comma-separated field keys (default: every field) */
                fields?: string | null;
                format?: "csv" | "xlsx" | "json" | "ndjson" | "xml";
                has_email?: boolean | null;
                /** @description CSV and XLSX header row: field keys or readable labels */
                headers?: "keys" | "labels";
                /** @description Comma-separated lead ids: only these leads (for more, POST /exports) */
                ids?: string | null;
                lifecycle?: components["schemas"]["Lifecycle"] | null;
                owner_id?: string | null;
                /** @description The import columns of a CRM (CSV or XLSX only); `fields` are added after them */
                preset?: ("hubspot" | "salesforce" | "pipedrive") | null;
                /** @description Name, email or company */
                q?: string | null;
                /** @description Score at most this */
                score_max?: number | null;
                /** @description Score at least this */
                score_min?: number | null;
                source?: components["schemas"]["LeadSource"] | null;
                stage_id?: string | null;
                tag?: string | null;
                /** @description Email verification status; `unverified`: never checked */
                verification_status?: ("valid" | "invalid" | "accept_all" | "disposable" | "unknown" | "unverified") | null;
            };
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, streamed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>[];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    /** @example {"first_name":"Ada","email":"ada@example.com","tags":["vip"]} */
                    "application/x-ndjson": unknown;
                    /**
                     * @example <?xml version="1.0" encoding="UTF-8"?>
                     *     <leads>
                     *       <lead><first_name>Ada</first_name><tags><tag>vip</tag></tags></lead>
                     *     </leads>
                     */
                    "application/xml": unknown;
                    /**
                     * @example first_name,email,tags
                     *     Ada,ada@example.com,vip;webinar
                     */
                    "text/csv": unknown;
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    list_forms_api_v1_forms_get: {
        parameters: {
            query?: {
                /** @description From `meta.next_cursor` */
                cursor?: string | null;
                /** @description Items per page */
                limit?: number;
            };
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope_FormRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    create_form_api_v1_forms_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FormCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_FormRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    read_form_api_v1_forms__form_id__get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                form_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_FormRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    delete_form_api_v1_forms__form_id__delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                form_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_FormRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    update_form_api_v1_forms__form_id__patch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                form_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FormUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_FormRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    list_presets_api_v1_import_presets_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_list_PresetRead__"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    create_preset_api_v1_import_presets_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PresetWrite"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_PresetRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    update_preset_api_v1_import_presets__preset_id__put: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                preset_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PresetWrite"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_PresetRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    delete_preset_api_v1_import_presets__preset_id__delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                preset_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_PresetRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    list_imports_api_v1_imports_get: {
        parameters: {
            query?: {
                /** @description From `meta.next_cursor` */
                cursor?: string | null;
                /** @description Items per page */
                limit?: number;
            };
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope_ImportRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    upload_import_api_v1_imports_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description CSV or TSV (any common encoding), XLSX, JSON or NDJSON
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_ImportUploaded_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    get_import_api_v1_imports__import_id__get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                import_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_ImportRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    cancel_import_api_v1_imports__import_id__cancel_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                import_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_ImportRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    import_errors_api_v1_imports__import_id__errors_get: {
        parameters: {
            query?: {
                /** @description From `meta.next_cursor` */
                cursor?: string | null;
                /** @description Items per page */
                limit?: number;
            };
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                import_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope_ImportErrorRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    import_error_report_api_v1_imports__import_id__errors_csv_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                import_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The error report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example row,column,value,reason,row_imported */
                    "text/csv": unknown;
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    preview_import_api_v1_imports__import_id__preview_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                import_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportPreview"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_PreviewRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    revert_import_api_v1_imports__import_id__revert_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                import_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_ImportRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    start_import_api_v1_imports__import_id__start_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                import_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportStart"];
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_ImportRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    list_jobs_api_v1_jobs_get: {
        parameters: {
            query?: {
                /** @description From `meta.next_cursor` */
                cursor?: string | null;
                kind?: string | null;
                /** @description Items per page */
                limit?: number;
                status?: components["schemas"]["JobStatus"] | null;
            };
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope_JobRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    read_job_api_v1_jobs__job_id__get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_JobRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    cancel_job_api_v1_jobs__job_id__cancel_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_JobRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    list_leads_api_v1_leads_get: {
        parameters: {
            query?: {
                /** @description A company's leads */
                company_id?: string | null;
                created_from?: string | null;
                created_to?: string | null;
                /** @description From `meta.next_cursor` */
                cursor?: string | null;
                /** @description List deleted leads (to restore) */
                deleted?: boolean;
                has_email?: boolean | null;
                lifecycle?: components["schemas"]["Lifecycle"] | null;
                /** @description Items per page */
                limit?: number;
                owner_id?: string | null;
                /** @description Name, email or company */
                q?: string | null;
                /** @description Score at most this */
                score_max?: number | null;
                /** @description Score at least this */
                score_min?: number | null;
                /** @description Field, prefixed with - for descending */
                sort?: string;
                source?: components["schemas"]["LeadSource"] | null;
                stage_id?: string | null;
                tag?: string | null;
                /** @description Email verification status; `unverified`: never checked */
                verification_status?: ("valid" | "invalid" | "accept_all" | "disposable" | "unknown" | "unverified") | null;
            };
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope_LeadRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    create_lead_api_v1_leads_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LeadCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_LeadRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    read_lead_api_v1_leads__lead_id__get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                lead_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_LeadDetailRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    delete_lead_api_v1_leads__lead_id__delete: {
        parameters: {
            query?: {
                hard?: boolean;
            };
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                lead_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_LeadRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    update_lead_api_v1_leads__lead_id__patch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                lead_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LeadUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_LeadRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    list_activities_api_v1_leads__lead_id__activities_get: {
        parameters: {
            query?: {
                /** @description From `meta.next_cursor` */
                cursor?: string | null;
                /** @description Items per page */
                limit?: number;
            };
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                lead_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope_ActivityRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    add_activity_api_v1_leads__lead_id__activities_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                lead_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActivityCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_ActivityRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    assign_lead_api_v1_leads__lead_id__assign_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                lead_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignOwner"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_LeadRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    list_attachments_api_v1_leads__lead_id__attachments_get: {
        parameters: {
            query?: {
                /** @description From `meta.next_cursor` */
                cursor?: string | null;
                /** @description Items per page */
                limit?: number;
            };
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                lead_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope_AttachmentRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    upload_attachments_api_v1_leads__lead_id__attachments_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                lead_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** @description One or more files (repeat the field) */
                    file: string[];
                };
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_list_AttachmentRead__"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    lead_duplicates_api_v1_leads__lead_id__duplicates_get: {
        parameters: {
            query?: {
                /** @description From `meta.next_cursor` */
                cursor?: string | null;
                /** @description Pairs with this lead */
                lead_id?: string | null;
                /** @description Items per page */
                limit?: number;
                /** @description At least this probability */
                min_probability?: number;
                /** @description open, merged or rejected */
                status?: components["schemas"]["CandidateStatus"];
            };
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                lead_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope_CandidateRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such pair, merge or lead in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    enrich_lead_api_v1_leads__lead_id__enrich_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                lead_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EnrichRequest"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_JobRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    restore_lead_api_v1_leads__lead_id__restore_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                lead_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_LeadRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    move_lead_api_v1_leads__lead_id__stage_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                lead_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StageMove"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_LeadRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    verify_lead_api_v1_leads__lead_id__verify_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                lead_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["LeadVerifyRequest"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_VerificationRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    bulk_leads_api_v1_leads_bulk_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_BulkResult_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    stage_summary_api_v1_leads_stage_summary_get: {
        parameters: {
            query?: {
                /** @description A company's leads */
                company_id?: string | null;
                created_from?: string | null;
                created_to?: string | null;
                has_email?: boolean | null;
                lifecycle?: components["schemas"]["Lifecycle"] | null;
                owner_id?: string | null;
                /** @description Name, email or company */
                q?: string | null;
                /** @description Score at most this */
                score_max?: number | null;
                /** @description Score at least this */
                score_min?: number | null;
                source?: components["schemas"]["LeadSource"] | null;
                stage_id?: string | null;
                tag?: string | null;
                /** @description Email verification status; `unverified`: never checked */
                verification_status?: ("valid" | "invalid" | "accept_all" | "disposable" | "unknown" | "unverified") | null;
            };
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_list_StageSummary__"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    list_merges_api_v1_merges_get: {
        parameters: {
            query?: {
                /** @description From `meta.next_cursor` */
                cursor?: string | null;
                /** @description Merges into this lead */
                lead_id?: string | null;
                /** @description Items per page */
                limit?: number;
            };
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope_MergeRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    create_merge_api_v1_merges_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MergeCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_MergeRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such pair, merge or lead in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The pair, a lead or the merge is not in a state to allow it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    read_merge_api_v1_merges__merge_id__get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                merge_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_MergeRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such pair, merge or lead in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    undo_merge_api_v1_merges__merge_id__undo_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                merge_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["UndoRequest"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_MergeRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such pair, merge or lead in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The pair, a lead or the merge is not in a state to allow it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    public_form_api_v1_public_forms__public_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                public_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_PublicFormRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    submit_form_api_v1_public_forms__public_id__submit_post: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string | null;
            };
            path: {
                public_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "_rt": "1795340000.4f1c0e6a9b2d7c3e8f5a1b0c2d3e4f5a",
                 *       "email": "ada@analytical-engines.co.uk",
                 *       "first_name": "Ada",
                 *       "last_name": "Lovelace",
                 *       "message": "We need 40 seats from January.",
                 *       "utm_source": "newsletter"
                 *     }
                 */
                "application/json": {
                    [key: string]: unknown;
                };
                /**
                 * @example {
                 *       "email": "ada@analytical-engines.co.uk",
                 *       "first_name": "Ada"
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    [key: string]: unknown;
                };
                /**
                 * @example {
                 *       "email": "ada@analytical-engines.co.uk",
                 *       "file": "(cv.pdf)"
                 *     }
                 */
                "multipart/form-data": {
                    email?: string;
                    /** Format: binary */
                    file?: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_SubmitResult_"];
                };
            };
            /** @description A browser's form post: on to the form's redirect URL */
            303: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    edit_submission_api_v1_public_leads__lead_id__put: {
        parameters: {
            query?: never;
            header?: {
                "X-Edit-Token"?: string | null;
            };
            path: {
                lead_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: string | boolean | number | null;
                };
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_PublicLeadRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    list_saved_views_api_v1_saved_views_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_list_SavedViewRead__"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    create_saved_view_api_v1_saved_views_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SavedViewCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_SavedViewRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    delete_saved_view_api_v1_saved_views__view_id__delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                view_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_SavedViewRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    update_saved_view_api_v1_saved_views__view_id__patch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                view_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SavedViewUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_SavedViewRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    setup_status_api_v1_setup_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_SetupStatus_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    setup_api_v1_setup_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetupRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_SetupResult_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    list_stages_api_v1_stages_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_list_StageRead__"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    create_stage_api_v1_stages_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StageCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_StageRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    read_stage_api_v1_stages__stage_id__get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                stage_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_StageRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    delete_stage_api_v1_stages__stage_id__delete: {
        parameters: {
            query?: {
                /** @description Stage for its leads */
                move_to?: string | null;
            };
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                stage_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_StageRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    update_stage_api_v1_stages__stage_id__patch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                stage_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StageUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_StageRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    reorder_stages_api_v1_stages_reorder_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StageOrder"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_list_StageRead__"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    read_me_api_v1_users_me_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_MeRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    update_me_api_v1_users_me_patch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MeUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_MeRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    verify_api_v1_verify_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_VerificationRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    verify_bulk_api_v1_verify_bulk_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkVerifyRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_JobRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    bulk_results_api_v1_verify_bulk__job_id__results_get: {
        parameters: {
            query?: {
                format?: "ndjson" | "csv";
            };
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One result per address (with its `row` or `lead_id`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    verify_bulk_file_api_v1_verify_bulk_file_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** @description The address column [default: found by name] */
                    column?: string;
                    /**
                     * Format: binary
                     * @description CSV or TSV (any common encoding), XLSX, JSON or NDJSON
                     */
                    file: string;
                    /** @default true */
                    smtp?: boolean;
                };
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_JobRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    list_workspaces_api_v1_workspaces_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_list_WorkspaceWithRole__"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    create_workspace_api_v1_workspaces_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkspaceCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_WorkspaceWithRole_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    read_workspace_api_v1_workspaces__workspace_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspace_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_WorkspaceRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    delete_workspace_api_v1_workspaces__workspace_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspace_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_WorkspaceRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    update_workspace_api_v1_workspaces__workspace_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspace_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkspaceUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_WorkspaceRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    email_status_api_v1_workspaces__workspace_id__email_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspace_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_SmtpStatusRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    send_test_email_api_v1_workspaces__workspace_id__email_test_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspace_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TestEmailRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_TestEmailRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description SMTP_NOT_CONFIGURED: no SMTP server is set */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description RATE_LIMITED: too many test emails from this workspace */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description SMTP_REFUSED, SMTP_UNREACHABLE or SMTP_ERROR */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description SMTP_TIMEOUT: the server did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    list_invitations_api_v1_workspaces__workspace_id__invitations_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspace_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_list_PendingInvitationRead__"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    revoke_invitation_api_v1_workspaces__workspace_id__invitations__invitation_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invitation_id: string;
                workspace_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_PendingInvitationRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    renew_invitation_api_v1_workspaces__workspace_id__invitations__invitation_id__renew_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invitation_id: string;
                workspace_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_InvitationRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    list_members_api_v1_workspaces__workspace_id__members_get: {
        parameters: {
            query?: {
                /** @description From `meta.next_cursor` */
                cursor?: string | null;
                /** @description Items per page */
                limit?: number;
            };
            header?: never;
            path: {
                workspace_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope_MemberRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    add_member_api_v1_workspaces__workspace_id__members_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspace_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_MemberAdded_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    remove_member_api_v1_workspaces__workspace_id__members__user_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
                workspace_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_MemberRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    update_member_api_v1_workspaces__workspace_id__members__user_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
                workspace_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_MemberRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    restore_workspace_api_v1_workspaces__workspace_id__restore_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Active workspace (default: your first one) */
                "X-Workspace-ID"?: string | null;
            };
            path: {
                workspace_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_WorkspaceRead_"];
                };
            };
            /** @description Not signed in, or the token is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (also for ids of other workspaces) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid input; `error.details.errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    health_health_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_Health_"];
                };
            };
        };
    };
    ready_health_ready_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_Readiness_"];
                };
            };
            /** @description A dependency is down; `error.details.checks` says which */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
