package io.devops.platform.acceptance;

/** Where a check reads its pass lines: the latest version (the store in production, a fixed book in tests). */
@FunctionalInterface
interface CurrentLines {

    LineBook current();
}
