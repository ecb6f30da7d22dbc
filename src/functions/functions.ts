/**
 * The custom functions bundle (namespace CC). Each file below declares its functions with JSDoc
 * `@customfunction` tags; the webpack plugin turns them into functions.json and registers them.
 */
import "./aging";
import "./settle";
import "./collections";
import "./credit";
import "./charges";
import "./nsf";
import "./worklist";
import "./predict";
import "./match";
