/**
 * Quick-reply views: the administration of shared templates and a user's own templates.
 */
@NullMarked
package com.omnichat.quickreply.ui;

import org.jspecify.annotations.NullMarked;
