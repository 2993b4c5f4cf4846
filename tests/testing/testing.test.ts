/**
 * `@effect-intercom/testing`: the mock layer, and the fake Intercom through
 * the real client and raw requests. The suites live in `./suites/` and run
 * from this one file, so the client is loaded once for all of them.
 */
import "./suites/mock.js"
import "./suites/crud.js"
import "./suites/pagination.js"
import "./suites/search.js"
import "./suites/http.js"
import "./suites/decode.js"
import "./suites/server.js"
import "./suites/preview.js"
import "./suites/aiContent.js"
import "./suites/internalArticles.js"
import "./suites/news.js"
import "./suites/exports.js"
import "./suites/jobs.js"
import "./suites/customObjects.js"
import "./suites/customChannels.js"
import "./suites/calls.js"
import "./suites/visitors.js"
import "./suites/messages.js"
import "./suites/settings.js"
import "./suites/previewOnly.js"
import "./suites/versions.js"
