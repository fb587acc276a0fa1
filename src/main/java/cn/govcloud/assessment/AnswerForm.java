package cn.govcloud.assessment;

import java.util.List;

/**
 * A respondent's answers, one per question in order, each 1–5; none may be missing (no
 * answer is preselected, so a missing one is refused rather than counted).
 */
public record AnswerForm(List<Integer> answers) {
}
