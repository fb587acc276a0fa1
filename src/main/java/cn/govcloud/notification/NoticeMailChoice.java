package cn.govcloud.notification;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.govcloud.shared.InvalidInputException;

/**
 * Which categories of notice the caller wants by e-mail, and in which language.
 *
 * @param categories names of {@link NoticeCategory}; none or empty turns e-mail off
 * @param language {@code zh-CN} or {@code en}; none keeps the language chosen before
 */
record NoticeMailChoice(List<String> categories, String language) {

	/** An unknown category is named as the field's problem, never a 500. */
	static Set<NoticeCategory> categories(List<String> names) {
		Set<NoticeCategory> categories = EnumSet.noneOf(NoticeCategory.class);
		if (names != null) {
			for (String name : names) {
				try {
					categories.add(NoticeCategory.valueOf(String.valueOf(name).strip()));
				}
				catch (IllegalArgumentException ex) {
					throw InvalidInputException.of("categories", "error.field.format");
				}
			}
		}
		return categories;
	}

}
