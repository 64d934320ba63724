// Runs before every mini-program test file. On a shared, loaded CI machine a
// first render can take longer than testing-library's 1 s default wait: the
// waits are for an outcome, not a speed claim, so give them room.
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 5000 });
