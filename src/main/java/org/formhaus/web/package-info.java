/**
 * The public HTTP surface: forms ({@code /f/{key}}: page, submissions, spam checks), health and the embed script.
 * Replies, failures, escaping and the form token's signature come from the HTTP kit, {@code org.formhaus.http}.
 */
package org.formhaus.web;
