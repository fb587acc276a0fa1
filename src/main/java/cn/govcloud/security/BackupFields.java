package cn.govcloud.security;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.InputBounds;
import cn.govcloud.shared.InvalidInputException.FieldProblem;

/**
 * The checks of a backup policy's schedule and of the texts of backup forms, problem by
 * problem.
 */
final class BackupFields {

	private BackupFields() {
	}

	static BackupSchedule schedule(BackupPolicyForm form, List<FieldProblem> problems) {
		LocalTime at = null;
		try {
			at = (form.at() != null) ? LocalTime.parse(form.at().strip()) : null;
		}
		catch (DateTimeException ex) {
			// reported below
		}
		if (at == null) {
			problems.add(new FieldProblem("at", "backup.policy.at.invalid"));
		}
		Integer weekday = null;
		Integer monthDay = null;
		if (form.frequency() == null) {
			problems.add(new FieldProblem("frequency", "error.field.required"));
		}
		else if (form.frequency() == BackupFrequency.WEEKLY) {
			weekday = form.weekday();
			if (weekday == null || weekday < 1 || weekday > 7) {
				problems.add(new FieldProblem("weekday", "backup.policy.weekday.invalid"));
			}
		}
		else if (form.frequency() == BackupFrequency.MONTHLY) {
			monthDay = form.monthDay();
			if (monthDay == null || monthDay < 1 || monthDay > 28) {
				problems.add(new FieldProblem("monthDay", "backup.policy.monthDay.invalid"));
			}
		}
		LocalDate startsOn = (form.startsOn() != null) ? form.startsOn() : CityTime.today();
		if (!InputBounds.fitsDate(startsOn) || startsOn.getYear() < 2000) {
			problems.add(new FieldProblem("startsOn", "backup.policy.startsOn.invalid"));
		}
		return new BackupSchedule(form.frequency(), at, weekday, monthDay, startsOn);
	}

	static String text(String value, String field, int max, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "error.field.required"));
			return null;
		}
		String text = value.strip();
		if (text.length() > max) {
			problems.add(new FieldProblem(field, "access.text.tooLong", max));
		}
		else if (InputBounds.hasControlCharacter(text)) {
			problems.add(new FieldProblem(field, "backup.text.control"));
		}
		return text;
	}

}
