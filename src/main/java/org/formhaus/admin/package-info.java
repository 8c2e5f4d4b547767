/** The admin surface: API-token authentication, the forms/submissions/settings JSON API and user provisioning. */
package org.formhaus.admin;
