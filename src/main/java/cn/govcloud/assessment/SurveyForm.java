package cn.govcloud.assessment;

import java.util.List;

/**
 * A survey the Commission opens (Art. 19).
 *
 * @param half 1 or 2 for a half-year, null for the whole year
 * @param questions each answered 1 (very dissatisfied) to 5 (very satisfied)
 */
public record SurveyForm(Integer year, Integer half, String title, List<String> questions) {
}
