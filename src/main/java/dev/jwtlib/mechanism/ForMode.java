package dev.jwtlib.mechanism;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the {@link AccessTokenCheck} that serves one {@link Mode}. */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface ForMode {

    Mode value();

    /** The qualifier as a value, to select a check at run time. */
    final class Literal extends AnnotationLiteral<ForMode> implements ForMode {

        private static final long serialVersionUID = 1L;
        private final Mode value;

        private Literal(Mode value) {
            this.value = value;
        }

        public static Literal of(Mode value) {
            return new Literal(value);
        }

        @Override
        public Mode value() {
            return value;
        }
    }
}
