package org.formhaus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.formhaus.testing.TestForms;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;

/** With http.forwarded, the per-visitor rate limit counts visitors behind the proxy, not the proxy itself. */
class BehindReverseProxyIT {


    HttpResponse<String> submitVia(TestServer server, String visitor) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri("/f/proxied"))
                .POST(HttpRequest.BodyPublishers.ofString(TestServer.encode(Map.of("email", List.of("v@example.org")))))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .header("X-Forwarded-For", visitor));
    }

    @Test
    void eachVisitorBehindTheProxyHasItsOwnLimit() throws Exception {
        try (TestServer server = TestServer.onH2().with("http.forwarded", "true")
                .with("ratelimit.submissions.per.minute", "1").start()) {
            server.adminJson("PUT", "/admin/api/forms/proxied", TestForms.emailOnly("proxied", "Proxied"));
            assertEquals(202, submitVia(server, "203.0.113.7").statusCode());
            assertEquals(202, submitVia(server, "203.0.113.8").statusCode(), "another visitor is not limited");
            HttpResponse<String> again = submitVia(server, "203.0.113.7");
            assertEquals(429, again.statusCode());
            assertTrue(again.headers().firstValue("Retry-After").isPresent());
        }
    }

    @Test
    void withoutTheSettingForwardedHeadersAreIgnored() throws Exception {
        try (TestServer server = TestServer.onH2().with("ratelimit.submissions.per.minute", "1").start()) {
            server.adminJson("PUT", "/admin/api/forms/proxied", TestForms.emailOnly("proxied", "Proxied"));
            assertEquals(202, submitVia(server, "203.0.113.7").statusCode());
            assertEquals(429, submitVia(server, "203.0.113.8").statusCode(), "a client cannot pick its own address");
        }
    }
}
