/**
 * The built WAR in a real servlet container (Tomcat, Jetty), each in a JVM of its own whose class path holds only
 * the container, as in production: {@link org.formhaus.testing.container.DeployedWar} on the test's side, a
 * {@link org.formhaus.testing.container.ContainerHost} in the container's JVM.
 */
package org.formhaus.testing.container;
