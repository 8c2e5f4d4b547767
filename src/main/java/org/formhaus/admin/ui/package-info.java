/**
 * The admin web UI: server-rendered pages (FreeMarker, German and English) for signing in, forms, submissions,
 * settings, API tokens and the onOffice setup guide. Pages change data through the admin JSON API with the
 * session's CSRF token; nothing here talks to onOffice or the database directly except through the stores.
 */
package org.formhaus.admin.ui;
