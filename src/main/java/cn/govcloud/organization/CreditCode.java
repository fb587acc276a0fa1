package cn.govcloud.organization;

/**
 * The 18-character unified social credit code (统一社会信用代码) of GB 32100-2015: 17 characters
 * and a check character computed with weights 3^i mod 31 over the 31-character alphabet
 * that leaves out I, O, Z, S and V.
 */
public final class CreditCode {

	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private CreditCode() {
	}

	/**
	 * Whether {@code code} is 18 characters of the alphabet whose last one is the right
	 * check character.
	 */
	public static boolean isValid(String code) {
		if (code == null || code.length() != 18) {
			return false;
		}
		for (int i = 0; i < 18; i++) {
			if (ALPHABET.indexOf(code.charAt(i)) < 0) {
				return false;
			}
		}
		return checkCharacter(code.substring(0, 17)) == code.charAt(17);
	}

	/** The check character for the first 17 characters. */
	public static char checkCharacter(String first17) {
		if (first17.length() != 17) {
			throw new IllegalArgumentException("A credit code body has 17 characters");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int value = ALPHABET.indexOf(first17.charAt(i));
			if (value < 0) {
				throw new IllegalArgumentException("Not a credit code character: " + first17.charAt(i));
			}
			sum += value * WEIGHTS[i];
		}
		int check = 31 - (sum % 31);
		return ALPHABET.charAt((check == 31) ? 0 : check);
	}

}
