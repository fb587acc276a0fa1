package cn.govcloud.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import cn.govcloud.shared.InvalidInputException.FieldProblem;

/** The fields of a reported session, each checked with a message naming it. */
final class EventCheck {

	private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

	private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

	private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private EventCheck() {
	}

	static void check(AccessEventForm form, Instant latest, String prefix, List<FieldProblem> problems) {
		text(form.person(), prefix + "person", 100, problems);
		text(form.sessionId(), prefix + "sessionId", 100, problems);
		if (!address(form.sourceAddress())) {
			problems.add(new FieldProblem(prefix + "sourceAddress", "access.event.address"));
		}
		if (form.startedAt() == null) {
			problems.add(new FieldProblem(prefix + "startedAt", "error.field.required"));
		}
		if (form.endedAt() == null) {
			problems.add(new FieldProblem(prefix + "endedAt", "error.field.required"));
		}
		else if (form.startedAt() != null && form.endedAt().isBefore(form.startedAt())) {
			problems.add(new FieldProblem(prefix + "endedAt", "access.window.order"));
		}
		else if (form.endedAt().isAfter(latest)) {
			problems.add(new FieldProblem(prefix + "endedAt", "access.event.future"));
		}
	}

	/**
	 * An IPv4 or IPv6 literal. An IPv6 literal holds a colon, so resolving it never asks
	 * a name server.
	 */
	static boolean address(String text) {
		if (text == null) {
			return false;
		}
		String value = text.strip();
		if (IPV4.matcher(value).matches()) {
			return true;
		}
		if (value.indexOf(':') < 0 || !IPV6_CHARACTERS.matcher(value).matches()) {
			return false;
		}
		try {
			return InetAddress.getByName(value) != null;
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static void text(String value, String field, int max, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "error.field.required"));
		}
		else if (value.strip().length() > max) {
			problems.add(new FieldProblem(field, "access.text.tooLong", max));
		}
	}

}
