package io.devops.platform.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that touches no database, or only an H2 of its own, and takes a while (real
 * Ansible, the whole code base's structure): scripts/test.sh runs it in its h2 pass and leaves it
 * out of the mariadb pass, where it would prove nothing new. A test left unmarked runs in both,
 * so forgetting the mark costs time, never coverage.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(DatabaseIndependent.TAG)
public @interface DatabaseIndependent {

    String TAG = "database-independent";
}
