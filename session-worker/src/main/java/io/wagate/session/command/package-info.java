/**
 * Session commands in: the worker group's listener on {@code wa.session.commands}. Each command updates the
 * instance's row in the inbox transaction (so a redelivered command has no second effect) and is handed to the
 * instance's managed session after the commit.
 */
@NullMarked
package io.wagate.session.command;

import org.jspecify.annotations.NullMarked;
