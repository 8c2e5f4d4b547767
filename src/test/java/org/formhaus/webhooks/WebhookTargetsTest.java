package org.formhaus.webhooks;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.formhaus.onoffice.OnOfficeHosts;
import org.junit.jupiter.api.Test;

class WebhookTargetsTest {

    private final WebhookTargets publicOnly = new WebhookTargets(OnOfficeHosts.parse(""));

    @Test
    void privateLoopbackAndLinkLocalAddressesAreRefused() {
        for (String url : new String[]{"http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.1.2.3/",
                "http://172.16.0.9/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/",
                "http://100.64.0.1/", "http://0.0.0.0/", "http://[::1]/", "http://[fd00::1]/", "http://[fe80::1]/"}) {
            String problem = publicOnly.problem(url);
            assertTrue(problem != null && problem.contains("private or loopback"), url + " → " + problem);
        }
    }

    @Test
    void publicAddressesPass() {
        assertNull(publicOnly.problem("https://93.184.215.14/hooks/formhaus"));
        assertNull(publicOnly.problem("http://[2606:4700:4700::1111]/hook"));
    }

    @Test
    void anOperatorsAllowedHostPassesAlthoughPrivate() {
        WebhookTargets allowed = new WebhookTargets(OnOfficeHosts.parse("127.0.0.1, hooks.internal:8443"));
        assertNull(allowed.problem("http://127.0.0.1:9999/hook"));
        assertTrue(allowed.problem("http://10.0.0.1/hook") != null);
    }

    @Test
    void otherSchemesAndUserInfoAreRefused() {
        assertTrue(publicOnly.problem("ftp://93.184.215.14/").contains("http(s)"));
        assertTrue(publicOnly.problem("file:///etc/passwd").contains("http(s)"));
        assertTrue(publicOnly.problem("https://user:pw@93.184.215.14/").contains("user name"));
        assertTrue(publicOnly.problem("not a url").contains("URL"));
    }
}
