package io.miniauth.emulator.phone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PhoneNumberTests {

	@Test
	void derivedFromWhenSameUserThenSameChineseMobileNumber() {
		PhoneNumber number = PhoneNumber.derivedFrom("alice");
		assertThat(number).isEqualTo(PhoneNumber.derivedFrom("alice")).isNotEqualTo(PhoneNumber.derivedFrom("bob"));
		assertThat(number.purePhoneNumber()).matches("138[0-9]{8}");
		assertThat(number.countryCode()).isEqualTo("86");
		assertThat(number.phoneNumber()).isEqualTo(number.purePhoneNumber());
	}

	@Test
	void phoneNumberWhenForeignThenCarriesCountryPrefix() {
		assertThat(new PhoneNumber("5551234", "1").phoneNumber()).isEqualTo("+15551234");
	}

	@Test
	void constructorWhenNumberEmptyThenThrowIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumber("", "86"))
			.withMessage("purePhoneNumber cannot be empty");
	}

}
