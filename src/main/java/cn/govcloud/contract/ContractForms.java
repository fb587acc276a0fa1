package cn.govcloud.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.contract.ContractDraft.LineDraft;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.web.FormValues;
import cn.govcloud.shared.web.IndexedFields;

import org.springframework.util.MultiValueMap;

/**
 * The contract pages' forms: {@code lines[i].applicationLineId}, {@code .dimension},
 * {@code .quantity}, {@code .unitPrice}.
 */
final class ContractForms {

	private ContractForms() {
	}

	static ContractDraft draft(UUID applicationId, MultiValueMap<String, String> form) {
		List<LineDraft> lines = new ArrayList<>();
		for (int index : IndexedFields.indexes(form, "lines")) {
			String prefix = "lines[" + index + "].";
			lines.add(new LineDraft(uuid(form.getFirst(prefix + "applicationLineId")),
					form.getFirst(prefix + "dimension"),
					number(form.getFirst(prefix + "quantity"), prefix + "quantity"),
					number(form.getFirst(prefix + "unitPrice"), prefix + "unitPrice")));
		}
		return new ContractDraft(applicationId, uuid(form.getFirst("supplierId")), form.getFirst("contractCode"),
				date(form.getFirst("termStart"), "termStart"), date(form.getFirst("termEnd"), "termEnd"), lines);
	}

	static PaymentForm payment(MultiValueMap<String, String> form) {
		return new PaymentForm(number(form.getFirst("amount"), "amount"), date(form.getFirst("paidOn"), "paidOn"),
				date(form.getFirst("periodFrom"), "periodFrom"), date(form.getFirst("periodTo"), "periodTo"),
				form.getFirst("invoiceNumber"), "true".equals(form.getFirst("confirmOverpayment")));
	}

	static AmendmentForm amendment(MultiValueMap<String, String> form) {
		Map<Integer, Long> quantities = new LinkedHashMap<>();
		form.forEach((key, values) -> {
			if (key.startsWith("quantities[") && key.endsWith("]") && !values.isEmpty() && !values.get(0).isBlank()) {
				String position = key.substring("quantities[".length(), key.length() - 1);
				BigDecimal value = number(values.get(0), key);
				if (value.stripTrailingZeros().scale() > 0) {
					throw InvalidInputException.of(key, "contract.quantity.whole");
				}
				quantities.put(Integer.valueOf(position), value.longValue());
			}
		});
		return new AmendmentForm(date(form.getFirst("effectiveFrom"), "effectiveFrom"), form.getFirst("reason"),
				quantities);
	}

	static LocalDate date(String value, String field) {
		return FormValues.date(value, field);
	}

	private static BigDecimal number(String value, String field) {
		return FormValues.decimal(value, field, "error.field.format");
	}

	private static UUID uuid(String value) {
		try {
			return (value == null || value.isBlank()) ? null : UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
