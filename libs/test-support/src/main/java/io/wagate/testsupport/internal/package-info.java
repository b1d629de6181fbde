/**
 * The three ways of providing a test server: existing servers from environment variables, Testcontainers, and
 * embedded servers. Not API: tests use {@link io.wagate.testsupport.WagateInfrastructure}.
 */
@NullMarked
package io.wagate.testsupport.internal;

import org.jspecify.annotations.NullMarked;
