package cn.govcloud.security;

import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deadlines of findings by severity, in calendar days from the day a finding is
 * recorded, and how many days before the deadline the responsible party is reminded.
 */
@ConfigurationProperties("govcloud.security.findings")
record InspectionSettings(@DefaultValue("7") int highDays, @DefaultValue("30") int mediumDays,
		@DefaultValue("90") int lowDays, @DefaultValue("3") int remindDaysBefore) {

	/** The deadline of a finding of {@code severity} recorded on {@code recordedOn}. */
	LocalDate deadline(FindingSeverity severity, LocalDate recordedOn) {
		return recordedOn.plusDays(switch (severity) {
			case HIGH -> this.highDays;
			case MEDIUM -> this.mediumDays;
			case LOW -> this.lowDays;
		});
	}

}
