@NullMarked
package com.omnichat.chat;

import org.jspecify.annotations.NullMarked;
