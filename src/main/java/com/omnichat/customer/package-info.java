@NullMarked
package com.omnichat.customer;

import org.jspecify.annotations.NullMarked;
