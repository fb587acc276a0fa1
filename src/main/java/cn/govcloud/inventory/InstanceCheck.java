package cn.govcloud.inventory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.govcloud.catalogue.ResourceKinds;
import cn.govcloud.catalogue.ResourceKinds.SpecCheck;
import cn.govcloud.catalogue.SpecField;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;

import org.springframework.stereotype.Component;

/**
 * The rules an instance's own fields must keep (Art. 4, 8): a name, the cloud's id, a
 * zone, valid IP addresses, and a spec of the approved kind that is nowhere bigger than
 * the approved one (no more vCPUs, memory or disk; the same choices).
 */
@Component
class InstanceCheck {

	private static final Pattern IPV4 = Pattern
		.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

	private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

	private final ResourceKinds kinds;

	InstanceCheck(ResourceKinds kinds) {
		this.kinds = kinds;
	}

	/**
	 * @return the spec, normalised as the catalogue stores it
	 * @throws InvalidInputException naming every field that breaks a rule
	 */
	Checked check(InstanceForm form, String kind, Map<String, Object> approved) {
		List<FieldProblem> problems = new ArrayList<>();
		text(form.name(), "name", 100, problems);
		text(form.cloudInstanceId(), "cloudInstanceId", 100, problems);
		text(form.zone(), "zone", 60, problems);
		List<String> addresses = addresses(form.ipAddresses(), problems);
		SpecCheck spec = this.kinds.check(kind, form.spec(), "");
		problems.addAll(spec.problems());
		if (spec.valid()) {
			notBigger(spec, approved, problems);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Checked(form.name().strip(), form.cloudInstanceId().strip(), form.zone().strip(), addresses,
				spec.spec());
	}

	private static void notBigger(SpecCheck spec, Map<String, Object> approved, List<FieldProblem> problems) {
		for (SpecField field : spec.kind().fields()) {
			Object given = spec.spec().get(field.name());
			Object allowed = approved.get(field.name());
			String name = "spec." + field.name();
			if (field.type() == SpecField.Type.INTEGER && given instanceof Long value
					&& allowed instanceof Long limit) {
				if (value > limit) {
					// Art. 8: never bigger than approved
					problems.add(new FieldProblem(name, "workOrder.spec.aboveApproved", value, limit, field.unit()));
				}
			}
			else if (allowed != null && !allowed.toString().equals(String.valueOf(given))) {
				problems.add(new FieldProblem(name, "workOrder.spec.notApproved", given, allowed));
			}
		}
	}

	private static List<String> addresses(List<String> given, List<FieldProblem> problems) {
		List<String> result = new ArrayList<>();
		if (given == null || given.isEmpty()) {
			problems.add(new FieldProblem("ipAddresses", "error.field.required"));
			return result;
		}
		for (int i = 0; i < given.size(); i++) {
			String address = (given.get(i) != null) ? given.get(i).strip() : "";
			if (!isIp(address)) {
				problems.add(new FieldProblem("ipAddresses[" + i + "]", "instance.address.invalid", address));
			}
			else if (result.contains(address)) {
				problems.add(new FieldProblem("ipAddresses[" + i + "]", "instance.address.duplicate", address));
			}
			else {
				result.add(address);
			}
		}
		return result;
	}

	/** An IPv4 dotted quad or an IPv6 literal, never a host name (no DNS lookup). */
	static boolean isIp(String text) {
		if (IPV4.matcher(text).matches()) {
			return true;
		}
		if (!text.contains(":") || !IPV6_CHARS.matcher(text).matches()) {
			return false;
		}
		try {
			return InetAddress.getByName(text) instanceof java.net.Inet6Address;
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
			problems.add(new FieldProblem(field, "error.field.size", 1, max));
		}
	}

	record Checked(String name, String cloudInstanceId, String zone, List<String> addresses, Map<String, Object> spec) {
	}

}
