package org.formhaus.simulator;

import java.util.Map;

/** What the simulator answers to one HTTP request: status, content type, body and extra headers. */
record SimReply(int status, String contentType, String body, Map<String, String> headers) {

    static SimReply json(int status, String body) {
        return new SimReply(status, "application/json; charset=UTF-8", body, Map.of());
    }
}
