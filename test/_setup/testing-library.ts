/**
 * The task pane's jsdom tests wait for what a user waits for (a dialog, a status) with
 * testing-library's find* queries. Their default ceiling of 1 s is shorter than a render takes on a
 * loaded 2-core CI machine; the ceiling is only how long a query keeps looking, never an assertion
 * about speed (speed is `npm run bench`).
 */
import { configure } from "@testing-library/dom";

configure({ asyncUtilTimeout: 15000 });
