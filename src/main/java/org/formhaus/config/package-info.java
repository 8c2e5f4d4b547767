/**
 * Configuration: {@code AppConfig} reads formhaus.properties and the {@code FORMHAUS_*} environment once at
 * start-up, validates every value (errors name the key), warns about unknown keys, and hands out one immutable
 * record per area ({@code DatabaseConfig}, {@code FormsConfig}, {@code DeliveryConfig}, ...). Depends on nothing
 * else in Formhaus.
 */
package org.formhaus.config;
