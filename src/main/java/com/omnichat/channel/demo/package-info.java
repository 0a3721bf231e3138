/** Demo channels: no provider, replies reported sent and delivered (development and demo data). */
@NullMarked
package com.omnichat.channel.demo;

import org.jspecify.annotations.NullMarked;
