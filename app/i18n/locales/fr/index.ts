import auth from "./auth";
import common from "./common";
import errors from "./errors";
import workshop from "./workshop";

export default { common, auth, errors, workshop };
