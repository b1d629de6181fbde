/** Key format, key rows and the instance projection behind the API-key feature. */
@NullMarked
package io.wagate.auth.apikey.internal;

import org.jspecify.annotations.NullMarked;
