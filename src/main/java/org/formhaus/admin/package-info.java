/**
 * The admin surface: authentication (API tokens, or a signed-in session with its CSRF token), the
 * forms/submissions/settings/tokens/connection JSON API and user provisioning. The HTML pages live in
 * {@code admin.ui}.
 */
package org.formhaus.admin;
