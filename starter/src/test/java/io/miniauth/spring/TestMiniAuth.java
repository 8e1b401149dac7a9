package io.miniauth.spring;

/**
 * Gives tests in other packages the fake MiniAuth.
 */
public final class TestMiniAuth implements AutoCloseable {

	public static final String API_KEY = FakeMiniAuth.API_KEY;

	private final FakeMiniAuth fake;

	private TestMiniAuth(FakeMiniAuth fake) {
		this.fake = fake;
	}

	public static TestMiniAuth start() {
		try {
			return new TestMiniAuth(new FakeMiniAuth());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public FakeMiniAuth fake() {
		return this.fake;
	}

	@Override
	public void close() {
		this.fake.close();
	}

}
