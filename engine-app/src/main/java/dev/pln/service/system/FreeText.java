package dev.pln.service.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a request field that holds free text (a comment, a reason, a note, DRL source): it may span lines, so tab,
 * line feed and carriage return are accepted in it. Every other string refuses them, like all control characters.
 */
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeText {
}
