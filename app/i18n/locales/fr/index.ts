import account from "./account";
import auth from "./auth";
import common from "./common";
import errors from "./errors";
import live from "./live";
import people from "./people";
import registration from "./registration";
import workshop from "./workshop";

export default { common, auth, account, people, errors, workshop, registration, live };
