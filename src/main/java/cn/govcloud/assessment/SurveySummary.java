package cn.govcloud.assessment;

import java.time.Instant;
import java.util.UUID;

/** A survey in the list: its period, title, status and how many answered. */
public record SurveySummary(UUID id, int year, Integer half, String title, SurveyStatus status, Instant openedAt,
		long responses) {
}
