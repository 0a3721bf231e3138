package com.omnichat.base;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a view: only users whose role has the permission open it or see its menu entry. Checked
 * at each navigation against the role as it stands now (not as it was at sign-in); the
 * services behind the view check again.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RequiresPermission {
    Permission value();
}
