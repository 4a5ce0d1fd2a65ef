package io.devops.platform.shared;

import java.util.Locale;
import java.util.Map;

/**
 * A validated page request: {@code ?page=0&size=50&sort=name,asc}. Sort keys are API field names,
 * translated to columns through a whitelist so that no request text reaches SQL.
 */
public record PageQuery(int page, int size, String sortField, boolean ascending) {

    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 50;

    public PageQuery {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    public static PageQuery of(Integer page, Integer size, String sort, String defaultSort) {
        String[] parts = (sort == null || sort.isBlank() ? defaultSort : sort).split(",", 2);
        boolean ascending = parts.length < 2 || parseDirection(parts[1]);
        return new PageQuery(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size, parts[0].trim(), ascending);
    }

    private static boolean parseDirection(String direction) {
        return switch (direction.trim().toLowerCase(Locale.ROOT)) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw new InvalidInputException("sort", "direction must be asc or desc, not '" + direction + "'");
        };
    }

    /** {@code ORDER BY} clause for the whitelisted columns, with the id as tie-breaker for stable pages. */
    public String orderBy(Map<String, String> columnsByField, String idColumn) {
        String column = columnsByField.get(sortField);
        if (column == null) {
            throw new InvalidInputException("sort", "cannot sort by '" + sortField + "'; use one of " + columnsByField.keySet());
        }
        String direction = ascending ? " ASC" : " DESC";
        return " ORDER BY " + column + direction + (column.equals(idColumn) ? "" : ", " + idColumn + direction);
    }

    /** {@code LIMIT .. OFFSET ..}: both are validated numbers, so inlining them is safe. */
    public String limitOffset() {
        return " LIMIT " + size + " OFFSET " + offset();
    }

    public long offset() {
        return (long) page * size;
    }
}
