/** Durable storage: the connection pool, schema migrations and one store class per table group, in plain JDBC. */
package org.formhaus.storage;
