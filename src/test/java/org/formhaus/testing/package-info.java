/**
 * Test support: {@code TestServer} (Formhaus on an in-process Jetty with the sandbox simulator, a JUnit extension
 * per test class), {@code SimulatorControls} (typed controls of that simulator), {@code TestForms} (shared form
 * definitions), {@code H2Database} (a migrated in-memory database for store tests), and the helpers for databases,
 * browsers, waiting and separate JVMs.
 */
package org.formhaus.testing;
