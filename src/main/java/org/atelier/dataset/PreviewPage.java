package org.atelier.dataset;

import java.util.List;

/** One page of a dataset's rows, values already typed (Long, Double, String or null for missing). */
public record PreviewPage(List<String> columns, List<List<Object>> rows, int totalRows, int offset, int limit) {
}
