/**
 * An in-memory onOffice enterprise simulator speaking onOffice's API format, for sandbox mode, local development and
 * tests. {@code Simulator} is the account (state, faults, request log), {@code SimApi} dispatches each action to the
 * class for its onOffice resource ({@code SimAddresses}, {@code SimEstates}, {@code SimActivities}, ...),
 * {@code SimulatorServlet} and {@code SimulatorServer} put it on HTTP.
 *
 * <p>It may use {@code org.formhaus.onoffice}'s wire vocabulary ({@code ActionKind}, {@code ApiRight},
 * {@code RequestSigner}) and nothing else of Formhaus. Production code never depends on it: in {@code src/main} only
 * the launcher's {@code org.formhaus.Sandbox} refers to it (sandbox mode mounts it in-process, and
 * {@code bin/formhaus simulator} runs it alone); no feature package does. {@code SimulatorFenceTest} keeps it so.
 */
package org.formhaus.simulator;
