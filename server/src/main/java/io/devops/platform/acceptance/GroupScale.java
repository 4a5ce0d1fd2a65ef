package io.devops.platform.acceptance;

/** The scales a multi-node all_reduce runs at: disjoint pairs, groups of k nodes, and the whole pool. */
enum GroupScale {
    PAIR, GROUP, ALL
}
