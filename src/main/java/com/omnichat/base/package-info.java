/**
 * Shared kernel: roles, the signed-in principal, errors, translations, database
 * bootstrapping and the application shell (main layout). Depends on no other module.
 */
@NullMarked
package com.omnichat.base;

import org.jspecify.annotations.NullMarked;
