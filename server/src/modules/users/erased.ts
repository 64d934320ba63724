// What an erased account leaves where a name was: the row stays, the person does not.
export const ERASED_NAME = '已注销';
