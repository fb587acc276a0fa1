package cn.govcloud.shared;

import java.util.List;

/** A module's encrypted columns (a bean per module that has any). */
public interface SecretFields {

	List<SecretField> secretFields();

}
