/** Administration → Channels. */
@NullMarked
package com.omnichat.channel.ui;

import org.jspecify.annotations.NullMarked;
