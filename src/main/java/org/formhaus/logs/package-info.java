/**
 * The server log: {@link org.formhaus.logs.LogContext} (the request id and submission id of the work a thread does
 * now), {@link org.formhaus.logs.RequestIdFilter} (X-Request-Id honoured or made, echoed), and the one-line text and
 * JSON formats of java.util.logging, where Formhaus's own lines (System.Logger) and, through SLF4J, those of its
 * libraries end up. Uses nothing of Formhaus.
 */
package org.formhaus.logs;
